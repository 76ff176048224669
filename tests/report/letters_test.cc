// Letters: the statutory interest they show matches verdict/late_interest.h on
// hand-computed cases (one across a change of the reference rate), the Italian legal forms,
// the errors, and golden letters from the demo in both languages.
//
// Golden files live in tests/report/golden_letters/; ADDIO_UPDATE_GOLDEN=1 rewrites them.
#include "report/letters.h"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gen/demo.h"
#include "ledger/allocation.h"
#include "verdict/late_interest.h"

namespace addio {
namespace {

CivilDate D(const char* ymd) { return *CivilDate::Parse(ymd); }
Money Eur(const char* amount) { return *Money::Parse(amount, Currency()); }

// One client with one invoice of 1,000.00 EUR due 2025-05-31 and nothing else: the
// Italian reference rate is 3.15% until 30 June 2025 and 2.15% from 1 July.
Ledger OneInvoice() {
  Ledger ledger;
  ledger.workspace.name = "Studio Rossi";
  ledger.workspace.owner_emails = {"anna@studiorossi.it"};
  ledger.clients.push_back({.id = "acme",
                            .name = "ACME S.r.l.",
                            .kind = ClientKind::kCompany,
                            .country = "IT",
                            .tax_id = "IT01234567890"});
  ledger.invoices.push_back({.id = "2025-007",
                             .client = "acme",
                             .issued = D("2025-05-01"),
                             .due = D("2025-05-31"),
                             .amount = Eur("1000.00")});
  return ledger;
}

LetterOptions Options(LetterKind kind, Lang lang = Lang::kEn) {
  LetterOptions options;
  options.kind = kind;
  options.lang = lang;
  return options;
}

const LetterTable* FindTable(const Letter& letter, const std::string& first_header,
                             size_t columns) {
  for (const LetterBlock& block : letter.body) {
    if (block.kind == LetterBlock::Kind::kTable && block.table.header.size() == columns &&
        block.table.header.front() == first_header) {
      return &block.table;
    }
  }
  return nullptr;
}

// The letter's words without line wrapping: headers, paragraphs and list items.
std::string AllText(const Letter& letter) {
  std::string out;
  for (const auto* lines : {&letter.sender, &letter.recipient}) {
    for (const std::string& line : *lines) out += line + "\n";
  }
  out += letter.subject + "\n" + letter.salutation + "\n";
  for (const LetterBlock& block : letter.body) {
    out += block.text + "\n";
    for (const std::string& item : block.items) out += item + "\n";
  }
  return out + letter.closing + "\n" + letter.signature + "\n";
}

TEST(LettersTest, InterestAcrossAChangeOfTheReferenceRateIsComputedAndShown) {
  const Ledger ledger = OneInvoice();
  auto letter = ComposeLetter(ledger, "acme", D("2025-08-10"), Options(LetterKind::kReminder));
  ASSERT_TRUE(letter.has_value()) << letter.error().message;
  const LetterTable* lines = FindTable(*letter, "Invoice", 7);
  ASSERT_NE(lines, nullptr);
  // By hand: 1,000.00 × 11.15% × 30 / 365 = 9.16 (June, at 3.15 + 8), then
  // 1,000.00 × 10.15% × 41 / 365 = 11.40 (1 July to 10 August, at 2.15 + 8).
  ASSERT_EQ(lines->rows.size(), 2u);
  EXPECT_EQ(lines->rows[0],
            (std::vector<std::string>{"2025-007", "1 Jun 2025", "30 Jun 2025", "30", "1,000.00 EUR",
                                      "3.15 + 8.00 = 11.15%", "9.16 EUR"}));
  EXPECT_EQ(lines->rows[1],
            (std::vector<std::string>{"2025-007", "1 Jul 2025", "10 Aug 2025", "41", "1,000.00 EUR",
                                      "2.15 + 8.00 = 10.15%", "11.40 EUR"}));
  const LetterTable* claims = FindTable(*letter, "Invoice", 4);
  ASSERT_NE(claims, nullptr);
  EXPECT_EQ(claims->total,
            (std::vector<std::string>{"Total", "20.56 EUR", "40.00 EUR", "60.56 EUR"}));

  // The same figures as the engine's own calculation.
  const ClientLedger client = SplitByClient(ledger).front();
  const AllocationResult allocation =
      AllocatePayments(client.invoices, client.payments, ledger.workspace, D("2025-08-10"));
  auto interest = ComputeLateInterest(client.invoices[0], allocation.settlements[0],
                                      StatutoryRules(Jurisdiction::kItalyEu), ledger.workspace,
                                      D("2025-08-10"));
  ASSERT_TRUE(interest.has_value());
  ASSERT_EQ(interest->lines.size(), 2u);
  EXPECT_EQ(interest->lines[0].interest, Eur("9.16"));
  EXPECT_EQ(interest->lines[1].interest, Eur("11.40"));
  EXPECT_EQ(interest->total, Eur("60.56"));
}

TEST(LettersTest, APartPaymentLowersTheBaseFromItsDay) {
  Ledger ledger = OneInvoice();
  ledger.payments.push_back({.id = "p1",
                             .client = "acme",
                             .invoice = "2025-007",
                             .date = D("2025-07-15"),
                             .amount = Eur("400.00")});
  auto letter =
      ComposeLetter(ledger, "acme", D("2025-08-10"), Options(LetterKind::kFormalNotice, Lang::kIt));
  ASSERT_TRUE(letter.has_value()) << letter.error().message;
  const LetterTable* lines = FindTable(*letter, "Fattura", 7);
  ASSERT_NE(lines, nullptr);
  // The payment counts from the day after it arrived (verdict/late_interest.h: day t accrues
  // on what was open at its start): 9.16 for June; 1,000.00 × 10.15% × 15 / 365 = 4.17 to
  // 15 July; 600.00 × 10.15% × 26 / 365 = 4.34 to 10 August.
  ASSERT_EQ(lines->rows.size(), 3u);
  EXPECT_EQ(lines->rows[1][3], "15");
  EXPECT_EQ(lines->rows[1][6], "4,17 EUR");
  EXPECT_EQ(lines->rows[2][1], "16/07/2025");
  EXPECT_EQ(lines->rows[2][4], "600,00 EUR");
  EXPECT_EQ(lines->rows[2][6], "4,34 EUR");
  // Capital 600.00 + interest 17.67 + 40.00.
  const std::string text = AllText(*letter);
  EXPECT_NE(text.find("la somma complessiva di 657,67 EUR"), std::string::npos) << text;
  EXPECT_NE(text.find("600,00 EUR a titolo di capitale"), std::string::npos);
  EXPECT_NE(text.find("17,67 EUR a titolo di interessi di mora ai sensi del D.Lgs. 231/2002"),
            std::string::npos);
}

TEST(LettersTest, TheFormalNoticeTakesTheItalianLegalForm) {
  auto it = ComposeLetter(OneInvoice(), "acme", D("2025-08-10"),
                          Options(LetterKind::kFormalNotice, Lang::kIt));
  ASSERT_TRUE(it.has_value());
  EXPECT_EQ(it->subject, "Diffida ad adempiere e costituzione in mora (art. 1454 c.c.)");
  const std::string text = AllText(*it);
  EXPECT_NE(text.find("entro e non oltre 15 (quindici) giorni"), std::string::npos);
  EXPECT_NE(text.find("art. 1219 c.c."), std::string::npos);
  EXPECT_NE(text.find("Spett.le\nACME S.r.l.\nP. IVA IT01234567890"), std::string::npos);
  EXPECT_NE(text.find("Distinti saluti"), std::string::npos);
  EXPECT_NE(text.find("1.060,56 EUR"), std::string::npos);  // 1,000 + 20.56 + 40

  auto en =
      ComposeLetter(OneInvoice(), "acme", D("2025-08-10"), Options(LetterKind::kFormalNotice));
  ASSERT_TRUE(en.has_value());
  const std::string english = AllText(*en);
  EXPECT_NE(english.find("Article 1454 of the Italian Civil Code"), std::string::npos);
  EXPECT_NE(english.find("within 15 (fifteen) days"), std::string::npos);
  EXPECT_NE(english.find("Yours faithfully,"), std::string::npos);
}

TEST(LettersTest, TheReminderIsASollecitoWithADeadlineAWeekAway) {
  auto letter = ComposeLetter(OneInvoice(), "acme", D("2025-08-01"),
                              Options(LetterKind::kReminder, Lang::kIt));
  ASSERT_TRUE(letter.has_value());
  EXPECT_EQ(letter->subject, "Sollecito di pagamento – fattura n. 2025-007 del 01/05/2025");
  EXPECT_EQ(letter->date_line, "1° agosto 2025");
  const std::string text = AllText(*letter);
  // "entro l'8 agosto": the article elides before "otto".
  EXPECT_NE(text.find("entro l'8 agosto 2025"), std::string::npos) << text;
  EXPECT_NE(text.find("interessi di mora"), std::string::npos);
}

TEST(LettersTest, PlaceComesBeforeTheDate) {
  LetterOptions options = Options(LetterKind::kReminder);
  options.place = "Milan";
  auto letter = ComposeLetter(OneInvoice(), "acme", D("2025-08-10"), options);
  ASSERT_TRUE(letter.has_value());
  EXPECT_EQ(letter->date_line, "Milan, 10 August 2025");
}

TEST(LettersTest, ErrorsSayWhatIsMissing) {
  auto unknown =
      ComposeLetter(OneInvoice(), "nobody", D("2025-08-10"), Options(LetterKind::kReminder));
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  // Not due yet: nothing to remind.
  auto early = ComposeLetter(OneInvoice(), "acme", D("2025-05-31"), Options(LetterKind::kReminder));
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code, ErrorCode::kNotFound);
  auto early_it = ComposeLetter(OneInvoice(), "acme", D("2025-05-31"),
                                Options(LetterKind::kFormalNotice, Lang::kIt));
  ASSERT_FALSE(early_it.has_value());
  EXPECT_NE(early_it.error().message.In(Lang::kIt).find("non ha fatture scadute"),
            std::string::npos);

  // No reference rate and no target rate: no increase to propose.
  auto rate =
      ComposeLetter(OneInvoice(), "acme", D("2025-08-10"), Options(LetterKind::kRateIncrease));
  ASSERT_FALSE(rate.has_value());
  EXPECT_EQ(rate.error().code, ErrorCode::kConflict);
  // The error is a message, read in the reader's language.
  EXPECT_EQ(rate.error().message.key, "letter_rel.rate.no_reference");
  EXPECT_NE(rate.error().message.In(Lang::kIt).find("nessuna tariffa di riferimento da proporre"),
            std::string::npos);
}

TEST(LettersTest, KindsAndFormatsParse) {
  for (LetterKind kind : kAllLetterKinds) EXPECT_EQ(ParseLetterKind(LetterKindKey(kind)), kind);
  EXPECT_EQ(ParseLetterKind("formal_notice"), LetterKind::kFormalNotice);
  EXPECT_FALSE(ParseLetterKind("love-letter").has_value());
  EXPECT_EQ(ParseLetterFormat("txt"), LetterFormat::kText);
  EXPECT_EQ(ParseLetterFormat("markdown"), LetterFormat::kMarkdown);
  EXPECT_FALSE(ParseLetterFormat("pdf").has_value());
}

// ---- Golden letters from the demo ----

struct GoldenCase {
  const char* file;
  const char* client;
  LetterKind kind;
  Lang lang;
  LetterFormat format;
};

constexpr GoldenCase kGolden[] = {
    {"colombo_reminder_en.txt", "colombo", LetterKind::kReminder, Lang::kEn, LetterFormat::kText},
    {"colombo_reminder_it.txt", "colombo", LetterKind::kReminder, Lang::kIt, LetterFormat::kText},
    {"colombo_formal_notice_it.md", "colombo", LetterKind::kFormalNotice, Lang::kIt,
     LetterFormat::kMarkdown},
    {"gallo_formal_notice_en.txt", "gallo", LetterKind::kFormalNotice, Lang::kEn,
     LetterFormat::kText},
    {"gallo_formal_notice_it.txt", "gallo", LetterKind::kFormalNotice, Lang::kIt,
     LetterFormat::kText},
    {"gallo_formal_notice_it.html", "gallo", LetterKind::kFormalNotice, Lang::kIt,
     LetterFormat::kHtml},
    {"moretti_rate_increase_en.txt", "moretti", LetterKind::kRateIncrease, Lang::kEn,
     LetterFormat::kText},
    {"moretti_rate_increase_it.txt", "moretti", LetterKind::kRateIncrease, Lang::kIt,
     LetterFormat::kText},
    {"marchetti_change_order_en.txt", "marchetti", LetterKind::kChangeOrder, Lang::kEn,
     LetterFormat::kText},
    {"marchetti_change_order_it.txt", "marchetti", LetterKind::kChangeOrder, Lang::kIt,
     LetterFormat::kText},
    {"fulmine_office_hours_en.txt", "fulmine", LetterKind::kOfficeHours, Lang::kEn,
     LetterFormat::kText},
    {"fulmine_office_hours_it.txt", "fulmine", LetterKind::kOfficeHours, Lang::kIt,
     LetterFormat::kText},
    {"ferri_termination_en.md", "ferri", LetterKind::kTermination, Lang::kEn,
     LetterFormat::kMarkdown},
    {"gallo_termination_it.txt", "gallo", LetterKind::kTermination, Lang::kIt, LetterFormat::kText},
};

std::string GoldenDir() {
  const char* source = std::getenv("ADDIO_SOURCE_DIR");
  return std::string(source && *source ? source : ADDIO_SOURCE_DIR) +
         "/tests/report/golden_letters/";
}

class GoldenLetterTest : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenLetterTest, MatchesTheExpectedLetter) {
  static const Ledger demo = DemoLedger();
  const GoldenCase& c = GetParam();
  LetterOptions options = Options(c.kind, c.lang);
  options.format = c.format;
  options.place = c.lang == Lang::kIt ? "Bologna" : "";
  auto text = RenderLetter(demo, c.client, DemoAsOf(), options);
  ASSERT_TRUE(text.has_value()) << text.error().message;
  const std::string path = GoldenDir() + c.file;
  const char* update = std::getenv("ADDIO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << *text;
    GTEST_SKIP() << "rewrote " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path << " (ADDIO_UPDATE_GOLDEN=1 writes it)";
  std::ostringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(*text, expected.str()) << path;
}

INSTANTIATE_TEST_SUITE_P(Demo, GoldenLetterTest, ::testing::ValuesIn(kGolden),
                         [](const ::testing::TestParamInfo<GoldenCase>& param) {
                           std::string name = param.param.file;
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace addio
