// The FatturaPA importer: the official specimens (v1.2.2, v1.1, and further invoices),
// hand-written documents for each edge case, and a .p7m signed here with a throwaway key.
#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "ingest/importers.h"

namespace addio {
namespace {

namespace fs = std::filesystem;

Money M(const char* amount) { return *Money::Parse(amount, Currency()); }
CivilDate D(const char* text) { return *CivilDate::Parse(text); }

// The shared FatturaPA folder, or "" when the real data is not there.
std::string RealData() {
  const char* env = std::getenv("ADDIO_REAL_DATA");
  const std::string root = env && *env ? env : std::string(ADDIO_SOURCE_DIR) + "/../shared/data";
  const std::string dir = root + "/fatturapa_official_examples";
  return fs::is_directory(dir) ? dir : "";
}

IngestResult Read(const std::string& path, const Ledger& existing = Ledger{}, bool create = true) {
  IngestContext context;
  context.existing = &existing;
  context.options.create_clients = create;
  return FatturaPaImporter().Read(path, context);
}

const Invoice* FindInvoice(const IngestResult& r, const std::string& id) {
  for (const Invoice& invoice : r.ledger.invoices) {
    if (invoice.id == id) return &invoice;
  }
  return nullptr;
}

bool Mentions(const std::vector<Message>& lines, const std::string& text) {
  for (const Message& line : lines) {
    if (line.In(Lang::kEn).find(text) != std::string::npos) return true;
  }
  return false;
}

// The warnings of `r` besides the one saying that the workspace learnt its tax id (a
// workspace without one, as most tests read with, learns it from its e-invoices).
size_t WarningsBesidesTaxId(const IngestResult& r) {
  size_t count = 0;
  for (const Diagnostic& d : r.diagnostics.items()) {
    count += d.severity == Severity::kWarning && d.field != "tax_id";
  }
  return count;
}

// A FatturaPA document with one body per entry of `bodies`, under namespace prefix
// `prefix` ("p", "ns2", or "" for none).
struct Body {
  std::string type = "TD01";
  std::string number = "1";
  std::string date = "2025-03-10";
  std::string total = "1220.00";
  std::string extra_general;  // more elements inside DatiGeneraliDocumento
  std::string linked;         // DatiFattureCollegate/IdDocumento
  std::string payments =
      "<DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento>"
      "<DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento>"
      "<DataScadenzaPagamento>2025-04-09</DataScadenzaPagamento>"
      "</DettaglioPagamento></DatiPagamento>";
};

std::string Fattura(const std::vector<Body>& bodies, const std::string& prefix = "p",
                    const std::string& buyer_id =
                        "<IdFiscaleIVA><IdPaese>IT</IdPaese>"
                        "<IdCodice>01234567890</IdCodice></IdFiscaleIVA>",
                    const std::string& buyer_name = "<Denominazione>ACME S.r.l.</Denominazione>",
                    const std::string& seller_code = "09999999999") {
  const std::string tag = prefix.empty() ? "FatturaElettronica" : prefix + ":FatturaElettronica";
  const std::string ns =
      prefix.empty() ? ""
                     : " xmlns:" + prefix +
                           "=\"http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2\"";
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + tag + " versione=\"FPR12\"" +
                    ns +
                    ">\n<FatturaElettronicaHeader>\n<CedentePrestatore><DatiAnagrafici>"
                    "<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>" +
                    seller_code +
                    "</IdCodice>"
                    "</IdFiscaleIVA><Anagrafica><Nome>Anna</Nome><Cognome>Verdi</Cognome>"
                    "</Anagrafica></DatiAnagrafici></CedentePrestatore>\n"
                    "<CessionarioCommittente><DatiAnagrafici>" +
                    buyer_id + "<Anagrafica>" + buyer_name +
                    "</Anagrafica></DatiAnagrafici></CessionarioCommittente>\n"
                    "</FatturaElettronicaHeader>\n";
  for (const Body& body : bodies) {
    xml += "<FatturaElettronicaBody>\n<DatiGenerali>\n<DatiGeneraliDocumento>\n<TipoDocumento>" +
           body.type + "</TipoDocumento>\n<Divisa>EUR</Divisa>\n<Data>" + body.date +
           "</Data>\n<Numero>" + body.number + "</Numero>\n" +
           (body.total.empty()
                ? ""
                : "<ImportoTotaleDocumento>" + body.total + "</ImportoTotaleDocumento>\n") +
           body.extra_general + "</DatiGeneraliDocumento>\n" +
           (body.linked.empty() ? ""
                                : "<DatiFattureCollegate><IdDocumento>" + body.linked +
                                      "</IdDocumento></DatiFattureCollegate>\n") +
           "</DatiGenerali>\n<DatiBeniServizi><DatiRiepilogo><AliquotaIVA>22.00</AliquotaIVA>"
           "<ImponibileImporto>1000.00</ImponibileImporto><Imposta>220.00</Imposta>"
           "</DatiRiepilogo></DatiBeniServizi>\n" +
           body.payments + "\n</FatturaElettronicaBody>\n";
  }
  return xml + "</" + tag + ">\n";
}

class FatturaPaFixtures : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("addio-fatturapa-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  fs::path dir_;
};

// --- the official specimens ---

struct Specimen {
  const char* file;
  size_t invoices;
  const char* number;  // of the first invoice
  const char* issued;
  const char* amount;
  const char* due;
  const char* client_tax_id;
};

TEST(FatturaPaRealData, EverySpecimenGivesItsInvoices) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  const Specimen specimens[] = {
      {"v1.2.2/IT01234567890_FPA01.xml", 1, "123", "2017-01-18", "6.10", "2017-02-18",
       "IT09876543210"},
      {"v1.2.2/IT01234567890_FPA02.xml", 1, "123", "2017-01-18", "30.50", "2017-03-30",
       "IT09876543210"},
      {"v1.2.2/IT01234567890_FPA03.xml", 2, "12", "2017-01-18", "30.50", "2017-02-18",
       "IT09876543210"},
      {"v1.2.2/IT01234567890_FPR01.xml", 1, "123", "2014-12-18", "6.10", "2015-01-30",
       "IT09876543210"},
      {"v1.2.2/IT01234567890_FPR02.xml", 1, "123", "2014-12-18", "32.95", "2015-01-30",
       "IT09876543210"},
      {"v1.2.2/IT01234567890_FPR03.xml", 2, "123", "2014-12-18", "32.95", "2015-01-30",
       "IT09876543210"},
      {"v1.1/IT01234567890_11001.xml", 1, "123", "2014-12-18", "6.10", "2015-01-30",
       "IT09876543210"},
      {"v1.1/IT01234567890_11002.xml", 1, "123", "2014-12-18", "32.95", "2015-01-30",
       "IT09876543210"},
      {"v1.1/IT01234567890_11003.xml", 2, "123", "2014-12-18", "32.95", "2015-01-30",
       "IT09876543210"},
      {"v1.1/IT01234567890_11004.xml", 1, "123", "2014-12-18", "6.10", "2015-01-30",
       "IT09876543210"},
      {"extra_slamdunk/ok_ITHVQWPH73P42H501Y_00023.xml", 1, "9876", "2018-05-14", "921.10",
       "2018-06-13", "ITBLDRFL86E05I452D"},
      {"extra_slamdunk/ok_ITHVQWPH73P42H501Y_X0024.xml", 1, "9876", "2018-05-14", "821.06",
       "2018-06-13", "ITBLDRFL86E05I452D"},
  };
  for (const Specimen& s : specimens) {
    SCOPED_TRACE(s.file);
    const IngestResult r = Read(dir + "/" + s.file);
    EXPECT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
    EXPECT_EQ(r.format, "fatturapa");
    ASSERT_EQ(r.ledger.invoices.size(), s.invoices);
    const Invoice& first = r.ledger.invoices.front();
    EXPECT_EQ(first.id, s.number);
    EXPECT_EQ(first.issued, D(s.issued));
    EXPECT_EQ(first.amount, M(s.amount));
    EXPECT_EQ(first.due, D(s.due));
    ASSERT_EQ(r.ledger.clients.size(), 1u);
    EXPECT_EQ(r.ledger.clients[0].tax_id, s.client_tax_id);
    EXPECT_EQ(first.client, r.ledger.clients[0].id);
    EXPECT_EQ(r.source.locations.at("invoice").size(), s.invoices);
  }
}

TEST(FatturaPaRealData, SeveralBodiesAreSeveralInvoices) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  const IngestResult r = Read(dir + "/v1.2.2/IT01234567890_FPA03.xml");
  const Invoice* second = FindInvoice(r, "456");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->issued, D("2017-01-20"));
  EXPECT_EQ(second->due, D("2017-02-20"));
  EXPECT_EQ(second->amount, M("2440.00"));
  EXPECT_EQ(r.ledger.clients[0].name, "AMMINISTRAZIONE BETA");
  EXPECT_EQ(r.ledger.clients[0].kind, ClientKind::kCompany);
  EXPECT_GT(r.source.locations.at("invoice")[1].line, r.source.locations.at("invoice")[0].line);
}

TEST(FatturaPaRealData, APersonIsAnIndividualAndAMissingDueDateIsWarned) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  const IngestResult r = Read(dir + "/extra_slamdunk/ok_ITHVQWPH73P42H501Y_00023.xml");
  ASSERT_EQ(r.ledger.clients.size(), 1u);
  EXPECT_EQ(r.ledger.clients[0].name, "Mario Rossi");
  EXPECT_EQ(r.ledger.clients[0].kind, ClientKind::kIndividual);
  EXPECT_EQ(WarningsBesidesTaxId(r), 1u);
  EXPECT_NE(r.diagnostics.ToString().find("30 days"), std::string::npos);
}

TEST(FatturaPaRealData, ANotificationIsNotAnInvoice) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  const std::string file = dir + "/extra_slamdunk/ok_IT01234567890_11111_EC_001.xml";
  const IngestResult r = Read(file);
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(r.diagnostics.ToString().find("NotificaEsitoCommittente"), std::string::npos);
  EXPECT_NE(r.diagnostics.ToString().find(file), std::string::npos);
  EXPECT_TRUE(r.ledger.invoices.empty());
}

TEST(FatturaPaRealData, AFolderKeepsTheLaterOfTwoDocumentsWithOneNumberAndSaysSo) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  // The specimens reuse invoice 123 of 2017 (FPA01, FPA02) and of 2014 (FPR01-03) with
  // different amounts: in a real archive, an invoice SdI rejected and that was sent again.
  const IngestResult r = Read(dir + "/v1.2.2");
  const std::string text = r.diagnostics.ToString();
  EXPECT_FALSE(r.diagnostics.HasErrors()) << text;
  EXPECT_EQ(WarningsBesidesTaxId(r), 2u) << text;  // FPR03 repeats FPR02
  EXPECT_NE(text.find("IT01234567890_FPA02.xml:51"), std::string::npos);
  EXPECT_NE(text.find("is also in " + dir + "/v1.2.2/IT01234567890_FPA01.xml (line 51)"),
            std::string::npos);
  ASSERT_NE(FindInvoice(r, "2017/123"), nullptr);             // 123 is in 2017 and in 2014
  EXPECT_EQ(FindInvoice(r, "2017/123")->amount, M("30.50"));  // FPA02's, the later file
  EXPECT_EQ(FindInvoice(r, "2014/123")->amount, M("32.95"));
  EXPECT_NE(FindInvoice(r, "12"), nullptr);  // only in 2017
  EXPECT_NE(FindInvoice(r, "2017/456"), nullptr);
  EXPECT_NE(FindInvoice(r, "2014/456"), nullptr);
  EXPECT_EQ(r.ledger.invoices.size(), 5u);
}

TEST(FatturaPaRealData, DetectsInvoicesButNotTheSchemaOrANotification) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  auto head = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text(65536, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    return text;
  };
  for (const char* file : {"v1.2.2/IT01234567890_FPA01.xml", "v1.1/IT01234567890_11004.xml",
                           "extra_slamdunk/ok_ITHVQWPH73P42H501Y_00023.xml"}) {
    EXPECT_EQ(FatturaPaImporter().Detect(file, head(dir + "/" + file)), 95) << file;
  }
  for (const char* file : {"v1.2.2/Schema_del_file_xml_FatturaPA_v1.2.2.xsd",
                           "extra_slamdunk/ok_IT01234567890_11111_EC_001.xml"}) {
    EXPECT_EQ(FatturaPaImporter().Detect(file, head(dir + "/" + file)), 0) << file;
  }
}

TEST(FatturaPaRealData, AFolderSkipsNotificationsWithAWarning) {
  const std::string dir = RealData();
  if (dir.empty()) GTEST_SKIP() << "no shared FatturaPA examples";
  const IngestResult r = Read(dir + "/extra_slamdunk");
  size_t skipped = 0;
  for (const Diagnostic& d : r.diagnostics.items()) {
    skipped += d.severity == Severity::kWarning && d.field != "tax_id" &&
               d.message.In(Lang::kEn).find("skipped") != std::string::npos;
  }
  EXPECT_EQ(skipped, 1u) << r.diagnostics.ToString();
}

// --- hand-written documents ---

TEST_F(FatturaPaFixtures, NamespacePrefixesDoNotMatter) {
  const IngestResult with_p = Read(Write("p.xml", Fattura({Body{}}, "p")));
  const IngestResult with_ns2 = Read(Write("ns2.xml", Fattura({Body{}}, "ns2")));
  const IngestResult without = Read(Write("none.xml", Fattura({Body{}}, "")));
  ASSERT_FALSE(with_p.diagnostics.HasErrors()) << with_p.diagnostics.ToString();
  ASSERT_EQ(with_p.ledger.invoices.size(), 1u);
  const Invoice expected{.id = "1",
                         .client = with_p.ledger.clients.at(0).id,
                         .issued = D("2025-03-10"),
                         .due = D("2025-04-09"),
                         .amount = M("1220.00")};
  EXPECT_EQ(with_p.ledger.invoices[0], expected);
  EXPECT_EQ(with_ns2.ledger, with_p.ledger);
  EXPECT_EQ(without.ledger, with_p.ledger);
  EXPECT_EQ(with_p.ledger.clients[0].tax_id, "IT01234567890");
}

TEST_F(FatturaPaFixtures, TheTotalComesFromTheSummaryWhenMissing) {
  Body body;
  body.total = "";
  const IngestResult r = Read(Write("a.xml", Fattura({body})));
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_EQ(r.ledger.invoices[0].amount, M("1220.00"));
}

TEST_F(FatturaPaFixtures, WithholdingTaxLowersWhatTheClientPays) {
  Body body;
  body.extra_general =
      "<DatiRitenuta><TipoRitenuta>RT01</TipoRitenuta><ImportoRitenuta>200.00</ImportoRitenuta>"
      "<AliquotaRitenuta>20.00</AliquotaRitenuta><CausalePagamento>A</CausalePagamento>"
      "</DatiRitenuta>";
  const IngestResult r = Read(Write("a.xml", Fattura({body})));
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_EQ(r.ledger.invoices[0].amount, M("1020.00"));
  EXPECT_TRUE(Mentions(r.review, "document total 1220.00 EUR, to be paid 1020.00"));
}

TEST_F(FatturaPaFixtures, InstallmentsAreDueOnTheLastOne) {
  Body body;
  body.payments =
      "<DatiPagamento><CondizioniPagamento>TP01</CondizioniPagamento>"
      "<DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento>"
      "<DataScadenzaPagamento>2025-04-09</DataScadenzaPagamento>"
      "<ImportoPagamento>610.00</ImportoPagamento></DettaglioPagamento>"
      "<DettaglioPagamento><ModalitaPagamento>MP05</ModalitaPagamento>"
      "<DataScadenzaPagamento>2025-05-09</DataScadenzaPagamento>"
      "<ImportoPagamento>610.00</ImportoPagamento></DettaglioPagamento></DatiPagamento>";
  const IngestResult r = Read(Write("a.xml", Fattura({body})));
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_EQ(r.ledger.invoices[0].due, D("2025-05-09"));
  EXPECT_EQ(r.ledger.invoices[0].amount, M("1220.00"));
  EXPECT_TRUE(Mentions(r.review, "2 installments"));
}

TEST_F(FatturaPaFixtures, PaymentTermsInDaysGiveTheDueDate) {
  Body body;
  body.payments =
      "<DatiPagamento><CondizioniPagamento>TP02</CondizioniPagamento><DettaglioPagamento>"
      "<ModalitaPagamento>MP05</ModalitaPagamento>"
      "<GiorniTerminiPagamento>60</GiorniTerminiPagamento></DettaglioPagamento></DatiPagamento>";
  const IngestResult r = Read(Write("a.xml", Fattura({body})));
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_EQ(r.ledger.invoices[0].due, D("2025-05-09"));
  EXPECT_EQ(WarningsBesidesTaxId(r), 0u) << r.diagnostics.ToString();
}

TEST_F(FatturaPaFixtures, ACreditNoteLowersTheInvoiceItNames) {
  Body invoice;
  invoice.number = "7";
  Body note;
  note.type = "TD04";
  note.number = "NC1";
  note.date = "2025-03-20";
  note.total = "244.00";
  note.linked = "7";
  note.extra_general = "<Causale>Sconto concordato</Causale>\n";
  note.payments = "";
  Write("dir/a.xml", Fattura({invoice}));
  Write("dir/b.xml", Fattura({note}));
  const IngestResult r = Read((dir_ / "dir").string());
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_TRUE(r.ledger.payments.empty());  // a credit note is never money received
  ASSERT_EQ(r.ledger.credit_notes.size(), 1u);
  const CreditNote expected{.id = "NC1",
                            .client = r.ledger.invoices[0].client,
                            .invoice = "7",
                            .issued = D("2025-03-20"),
                            .amount = M("244.00"),
                            .reason = "Sconto concordato"};
  EXPECT_EQ(r.ledger.credit_notes[0], expected);
  EXPECT_EQ(r.source.locations.at("credit_note").size(), 1u);
  EXPECT_EQ(r.ledger.clients.size(), 1u);
}

TEST_F(FatturaPaFixtures, ASimplifiedCreditNoteIsACreditNoteToo) {
  Body invoice;
  invoice.number = "8";
  Body note;
  note.type = "TD08";
  note.number = "NC2";
  note.total = "100.00";
  note.linked = "8";
  const IngestResult r = Read(Write("both.xml", Fattura({invoice, note})));
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  ASSERT_EQ(r.ledger.credit_notes.size(), 1u);
  EXPECT_EQ(r.ledger.credit_notes[0].invoice, "8");
  EXPECT_EQ(r.ledger.credit_notes[0].amount, M("100.00"));
}

TEST_F(FatturaPaFixtures, ACreditNoteOfAStoredInvoiceNamesIt) {
  Ledger existing;
  existing.clients = {Client{.id = "acme", .name = "ACME", .tax_id = "IT01234567890"}};
  existing.invoices = {Invoice{.id = "2024/7",
                               .client = "acme",
                               .issued = D("2024-11-10"),
                               .due = D("2024-12-10"),
                               .amount = M("1220.00")}};
  Body note;
  note.type = "TD04";
  note.number = "3";
  note.total = "-100.00";  // some software writes credit notes negative
  note.linked = "7";
  const IngestResult r = Read(Write("n.xml", Fattura({note})), existing);
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  ASSERT_EQ(r.ledger.credit_notes.size(), 1u);
  EXPECT_EQ(r.ledger.credit_notes[0].client, "acme");
  EXPECT_EQ(r.ledger.credit_notes[0].invoice, "2024/7");
  EXPECT_EQ(r.ledger.credit_notes[0].amount, M("100.00"));
  EXPECT_TRUE(r.ledger.clients.empty());  // the client was found by its tax id
}

TEST_F(FatturaPaFixtures, ACreditNoteWithoutAKnownInvoiceIsAnErrorNamingFileAndElement) {
  Body note;
  note.type = "TD04";
  note.linked = "99";
  const std::string file = Write("n.xml", Fattura({note}));
  const IngestResult r = Read(file);
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u) << r.diagnostics.ToString();
  const Diagnostic& d =
      *std::find_if(r.diagnostics.items().begin(), r.diagnostics.items().end(),
                    [](const Diagnostic& x) { return x.severity == Severity::kError; });
  EXPECT_EQ(d.file, file);
  EXPECT_GT(d.line, 0);
  EXPECT_NE(d.path.find("DatiFattureCollegate"), std::string::npos) << d.path;
  EXPECT_EQ(d.record_type, "credit_note");
  EXPECT_NE(d.ToString(Lang::kEn).find("invoice 99"), std::string::npos);
  EXPECT_TRUE(r.ledger.credit_notes.empty());
  EXPECT_TRUE(r.ledger.payments.empty());

  Body unlinked;
  unlinked.type = "TD04";
  const IngestResult none = Read(Write("u.xml", Fattura({unlinked})));
  ASSERT_EQ(none.diagnostics.ErrorCount(), 1u) << none.diagnostics.ToString();
  EXPECT_NE(none.diagnostics.ToString().find("names no invoice"), std::string::npos);
}

TEST_F(FatturaPaFixtures, AReceivedInvoiceIsSkippedWithAWarning) {
  // The workspace's own tax id is the buyer's: a purchase.
  Ledger mine;
  mine.workspace.name = "Studio Verdi";
  mine.workspace.tax_id = "IT01234567890";
  const std::string file = Write("bought.xml", Fattura({Body{}}));
  const IngestResult bought = Read(file, mine);
  EXPECT_FALSE(bought.diagnostics.HasErrors()) << bought.diagnostics.ToString();
  EXPECT_EQ(bought.diagnostics.WarningCount(), 1u);
  EXPECT_NE(bought.diagnostics.ToString().find("a received e-invoice"), std::string::npos);
  EXPECT_NE(bought.diagnostics.ToString().find(file), std::string::npos);
  EXPECT_TRUE(bought.ledger.invoices.empty());
  EXPECT_TRUE(bought.ledger.clients.empty());

  // A tax id of the workspace that is not the seller's, written without its prefix.
  Ledger other;
  other.workspace.tax_id = "05555555555";
  EXPECT_TRUE(Read(file, other).ledger.invoices.empty());

  // The workspace is the seller (09999999999): a sale.
  Ledger seller;
  seller.workspace.tax_id = "it 09999999999";
  const IngestResult sold = Read(file, seller);
  EXPECT_EQ(sold.ledger.invoices.size(), 1u) << sold.diagnostics.ToString();

  // Without a tax id, a buyer named as the workspace is the workspace.
  Ledger named;
  named.workspace.name = "acme s.r.l.";
  const IngestResult by_name = Read(file, named);
  EXPECT_TRUE(by_name.ledger.invoices.empty());
  EXPECT_TRUE(by_name.ledger.clients.empty());
  EXPECT_EQ(WarningsBesidesTaxId(by_name), 1u);
  // ... and its tax id, the buyer's, is learnt (never the seller's).
  EXPECT_EQ(by_name.ledger.workspace.tax_id, "IT01234567890");
}

// The buyer part of a document: an Italian VAT number and a company name.
std::string BuyerId(const std::string& code) {
  return "<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>" + code + "</IdCodice></IdFiscaleIVA>";
}
std::string BuyerName(const std::string& name) {
  return "<Denominazione>" + name + "</Denominazione>";
}

TEST_F(FatturaPaFixtures, AWorkspaceWithoutATaxIdLearnsItFromTheOneSeller) {
  const IngestResult r = Read(Write("sold.xml", Fattura({Body{}})));
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_EQ(r.ledger.workspace.tax_id, "IT09999999999");
  EXPECT_NE(r.diagnostics.ToString().find("tax id is now IT09999999999 (Anna Verdi)"),
            std::string::npos)
      << r.diagnostics.ToString();

  // A workspace that has one keeps it, and says nothing about it.
  Ledger known;
  known.workspace.tax_id = "IT09999999999";
  const IngestResult again = Read(Write("sold.xml", Fattura({Body{}})), known);
  EXPECT_EQ(again.diagnostics.ToString().find("tax id is now"), std::string::npos);
  EXPECT_EQ(again.ledger.workspace, Workspace{});
}

TEST_F(FatturaPaFixtures, SalesAndPurchasesTogetherTellWhichSellerIsTheWorkspace) {
  Write("in/sold.xml", Fattura({Body{.number = "7"}}));  // 09999999999 sells to ACME
  Write("in/bought.xml", Fattura({Body{.number = "A-1"}}, "p", BuyerId("09999999999"),
                                 BuyerName("Anna Verdi"), "05555555555"));
  const IngestResult r = Read((dir_ / "in").string());
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.workspace.tax_id, "IT09999999999");
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  EXPECT_EQ(r.ledger.invoices[0].id, "7");
  ASSERT_EQ(r.ledger.clients.size(), 1u);
  EXPECT_EQ(r.ledger.clients[0].name, "ACME S.r.l.");
  EXPECT_NE(r.diagnostics.ToString().find("a received e-invoice"), std::string::npos);
}

TEST_F(FatturaPaFixtures, PurchasesFromSeveralSellersToOneBuyerAreAllSkipped) {
  for (const char* seller : {"05555555555", "06666666666"}) {
    Write(std::string("in/") + seller + ".xml",
          Fattura({Body{}}, "p", BuyerId("09999999999"), BuyerName("Anna Verdi"), seller));
  }
  const IngestResult r = Read((dir_ / "in").string());
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.workspace.tax_id, "IT09999999999");
  EXPECT_TRUE(r.ledger.invoices.empty());
  EXPECT_TRUE(r.ledger.clients.empty());
}

TEST_F(FatturaPaFixtures, SellersThatCannotBeToldApartAreAnErrorAskingForTheTaxId) {
  Write("in/a.xml",
        Fattura({Body{}}, "p", BuyerId("01111111111"), BuyerName("Uno"), "05555555555"));
  Write("in/b.xml",
        Fattura({Body{}}, "p", BuyerId("02222222222"), BuyerName("Due"), "06666666666"));
  const IngestResult r = Read((dir_ / "in").string());
  ASSERT_TRUE(r.diagnostics.HasErrors());
  const std::string text = r.diagnostics.ToString();
  EXPECT_NE(text.find("IT05555555555"), std::string::npos) << text;
  EXPECT_NE(text.find("IT06666666666"), std::string::npos) << text;
  EXPECT_NE(text.find("addio init --tax-id"), std::string::npos) << text;
  EXPECT_NE(text.find((dir_ / "in").string()), std::string::npos) << text;
}

TEST_F(FatturaPaFixtures, ANumberAnotherClientHasIsScopedByTheClient) {
  Ledger existing;
  existing.clients = {Client{.id = "beta", .name = "Beta", .tax_id = "IT07777777777"}};
  existing.invoices = {Invoice{.id = "1",
                               .client = "beta",
                               .issued = D("2025-01-10"),
                               .due = D("2025-02-10"),
                               .amount = M("50.00")}};
  const IngestResult r = Read(Write("a.xml", Fattura({Body{}})), existing);
  ASSERT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  ASSERT_EQ(r.ledger.invoices.size(), 1u);
  ASSERT_EQ(r.ledger.clients.size(), 1u);
  EXPECT_EQ(r.ledger.invoices[0].id, "1@" + r.ledger.clients[0].id);
  EXPECT_EQ(r.ledger.invoices[0].client, r.ledger.clients[0].id);

  // Read again with what it made stored: the same id, so a re-import changes nothing.
  Ledger stored = existing;
  stored.clients.push_back(r.ledger.clients[0]);
  stored.invoices.push_back(r.ledger.invoices[0]);
  const IngestResult again = Read(Write("a.xml", Fattura({Body{}})), stored);
  ASSERT_EQ(again.ledger.invoices.size(), 1u);
  EXPECT_EQ(again.ledger.invoices[0].id, r.ledger.invoices[0].id);
}

TEST_F(FatturaPaFixtures, SelfInvoicesAreSkippedForReview) {
  Body self;
  self.type = "TD17";
  const IngestResult r = Read(Write("s.xml", Fattura({self})));
  EXPECT_TRUE(r.ledger.invoices.empty());
  EXPECT_TRUE(Mentions(r.review, "TD17"));
}

TEST_F(FatturaPaFixtures, ANumberReusedInAnotherYearGetsItsYear) {
  Body last_year;
  last_year.date = "2024-05-02";
  Write("dir/2024.xml", Fattura({last_year}));
  Write("dir/2025.xml", Fattura({Body{}}));
  const IngestResult both = Read((dir_ / "dir").string());
  ASSERT_FALSE(both.diagnostics.HasErrors()) << both.diagnostics.ToString();
  EXPECT_NE(FindInvoice(both, "2024/1"), nullptr);
  EXPECT_NE(FindInvoice(both, "2025/1"), nullptr);

  // An invoice stored as "1" keeps its id; the other year's is told apart.
  Ledger existing;
  existing.clients = {Client{.id = "acme", .name = "ACME", .tax_id = "IT01234567890"}};
  existing.invoices = {Invoice{.id = "1",
                               .client = "acme",
                               .issued = D("2024-05-02"),
                               .due = D("2024-06-01"),
                               .amount = M("1220.00")}};
  const IngestResult later = Read((dir_ / "dir").string(), existing);
  EXPECT_NE(FindInvoice(later, "1"), nullptr);
  EXPECT_NE(FindInvoice(later, "2025/1"), nullptr);
  EXPECT_EQ(FindInvoice(later, "1")->issued, D("2024-05-02"));
}

TEST_F(FatturaPaFixtures, ReadingAgainChangesNothing) {
  Body second;
  second.number = "2";
  const std::string file = Write("a.xml", Fattura({Body{}, second}));
  const IngestResult first = Read(file);
  EXPECT_EQ(Read(file).ledger, first.ledger);
  // With the first import stored, the same ids come back and no client is created.
  const IngestResult again = Read(file, first.ledger);
  EXPECT_TRUE(again.ledger.clients.empty());
  EXPECT_EQ(again.ledger.invoices, first.ledger.invoices);
}

TEST_F(FatturaPaFixtures, WithoutCreatingAnUnknownClientIsAnError) {
  const IngestResult r = Read(Write("a.xml", Fattura({Body{}})), Ledger{}, /*create=*/false);
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(r.diagnostics.ToString().find("IT01234567890"), std::string::npos);
  EXPECT_TRUE(r.ledger.invoices.empty());
}

TEST_F(FatturaPaFixtures, BrokenFilesNameTheLineOrTheElement) {
  const std::string broken = Write("broken.xml",
                                   "<?xml version=\"1.0\"?>\n<p:FatturaElettronica>\n"
                                   "<FatturaElettronicaHeader>\n</Oops>\n");
  const IngestResult r = Read(broken);
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_EQ(r.diagnostics.items()[0].file, broken);
  EXPECT_EQ(r.diagnostics.items()[0].line, 4);

  Body no_number;
  no_number.number = "";
  Body bad_date;
  bad_date.number = "2";
  bad_date.date = "2025-02-30";
  Ledger ours;  // a workspace that knows its tax id: no warning saying it learnt it
  ours.workspace.tax_id = "IT09999999999";
  const IngestResult bad = Read(Write("bad.xml", Fattura({Body{}, no_number, bad_date})), ours);
  ASSERT_EQ(bad.diagnostics.ErrorCount(), 2u) << bad.diagnostics.ToString();
  EXPECT_EQ(bad.diagnostics.items()[0].path,
            "FatturaElettronica/FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento");
  EXPECT_EQ(bad.diagnostics.items()[0].field, "Numero");
  EXPECT_GT(bad.diagnostics.items()[0].line, 1);
  EXPECT_EQ(bad.diagnostics.items()[1].field, "Data");
  EXPECT_EQ(bad.ledger.invoices.size(), 1u);  // the good body; the import is refused anyway
}

// --- signed invoices ---

// `xml` signed (CAdES, content attached) with a throwaway self-signed key; DER bytes.
std::string SignDer(const std::string& xml) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), &EVP_PKEY_free);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), &X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("Anna Verdi"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  X509_sign(cert.get(), key.get(), EVP_sha256());
  std::unique_ptr<BIO, decltype(&BIO_free)> in(
      BIO_new_mem_buf(xml.data(), static_cast<int>(xml.size())), &BIO_free);
  std::unique_ptr<CMS_ContentInfo, decltype(&CMS_ContentInfo_free)> cms(
      CMS_sign(cert.get(), key.get(), nullptr, in.get(), CMS_BINARY), &CMS_ContentInfo_free);
  if (!cms) return "";
  std::unique_ptr<BIO, decltype(&BIO_free)> out(BIO_new(BIO_s_mem()), &BIO_free);
  i2d_CMS_bio(out.get(), cms.get());
  char* data = nullptr;
  const long size = BIO_get_mem_data(out.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

std::string Base64(const std::string& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<size_t>(n));
  std::string wrapped;
  for (size_t i = 0; i < out.size(); i += 64) wrapped += out.substr(i, 64) + "\r\n";
  return wrapped;
}

TEST_F(FatturaPaFixtures, ASignedInvoiceReadsLikeThePlainOne) {
  Body second;
  second.number = "2";
  const std::string xml = Fattura({Body{}, second});
  const std::string der = SignDer(xml);
  ASSERT_FALSE(der.empty());
  ASSERT_EQ(static_cast<unsigned char>(der[0]), 0x30);
  const IngestResult plain = Read(Write("IT09999999999_00001.xml", xml));
  const IngestResult signed_der = Read(Write("IT09999999999_00001.xml.p7m", der));
  const IngestResult signed_b64 = Read(Write("b64/IT09999999999_00001.xml.p7m", Base64(der)));
  ASSERT_FALSE(signed_der.diagnostics.HasErrors()) << signed_der.diagnostics.ToString();
  ASSERT_FALSE(signed_b64.diagnostics.HasErrors()) << signed_b64.diagnostics.ToString();
  ASSERT_EQ(plain.ledger.invoices.size(), 2u);
  EXPECT_EQ(signed_der.ledger, plain.ledger);
  EXPECT_EQ(signed_b64.ledger, plain.ledger);
  EXPECT_EQ(FatturaPaImporter().Detect("IT09999999999_00001.xml.p7m", der.substr(0, 64)), 90);
  EXPECT_EQ(FatturaPaImporter().Detect("IT09999999999_00001.xml", xml), 95);
}

TEST_F(FatturaPaFixtures, TheSameInvoiceSignedAndPlainInOneFolderIsOneInvoice) {
  const std::string xml = Fattura({Body{}});
  Write("dir/IT09999999999_00001.xml", xml);
  Write("dir/IT09999999999_00001.xml.p7m", SignDer(xml));
  const IngestResult r = Read((dir_ / "dir").string());
  EXPECT_FALSE(r.diagnostics.HasErrors()) << r.diagnostics.ToString();
  EXPECT_EQ(r.ledger.invoices.size(), 1u);
}

TEST_F(FatturaPaFixtures, AFileThatIsNoSignatureSaysSo) {
  const IngestResult r = Read(Write("x.xml.p7m", "this is not a signature"));
  ASSERT_EQ(r.diagnostics.ErrorCount(), 1u);
  EXPECT_NE(r.diagnostics.ToString().find("not a readable signed file"), std::string::npos);
}

}  // namespace
}  // namespace addio
