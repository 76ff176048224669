#include "ingest/ingest.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

#include "ingest/importers.h"
#include "ledger/format.h"
#include "ledger/validate.h"
#include "timesheet_test_util.h"

namespace addio {
namespace {

using testing::Problems;
using testing::TempDir;

const char kToggl[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
    "End time,Duration,Tags\n"
    "Ann,ann@example.com,Big Company,Site,,Design,Yes,2024-03-04,10:00:00,2024-03-04,11:00:00,"
    "01:00:00,\n";
const char kHarvest[] =
    "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?,First Name,Last Name\n"
    "2024-03-05,BIG COMPANY LTD,Site,,Design,Review,\"2,5\",Yes,Ann,Lee\n";

Result<IngestResult> IngestPath(const std::string& path, const Ledger& existing = Ledger{},
                                IngestOptions options = {}) {
  IngestContext context;
  context.existing = &existing;
  context.options = std::move(options);
  return Ingest(path, context);
}

Ledger SmallLedger(const std::string& client_name) {
  Ledger ledger;
  ledger.workspace.name = "Studio Lee";
  ledger.workspace.timezone = "Europe/London";
  Client client;
  client.id = "acme";
  client.name = client_name;
  ledger.clients.push_back(client);
  Invoice invoice;
  invoice.id = "2025-001";
  invoice.client = "acme";
  invoice.issued = CivilDate::Parse("2025-02-28").value();
  invoice.due = CivilDate::Parse("2025-03-30").value();
  invoice.amount = Money::Parse("2400.00", Currency()).value();
  ledger.invoices.push_back(invoice);
  return ledger;
}

TEST(RegistryTest, EveryImporterOnceLedgerFirst) {
  const auto& all = Importers();
  ASSERT_EQ(all.size(), 18u);
  EXPECT_EQ(all.front()->name(), "ledger");
  std::set<std::string_view> names;
  for (const Importer* importer : all) {
    EXPECT_TRUE(names.insert(importer->name()).second) << importer->name();
    // Every source is described in both languages by the catalogue.
    EXPECT_TRUE(HasEntry(importer->description().key)) << importer->name();
  }
  EXPECT_EQ(FindImporter("kimai").value(), &KimaiImporter());
}

TEST(RegistryTest, UnknownFormatListsTheValidNames) {
  const auto found = FindImporter("excel");
  ASSERT_FALSE(found.has_value());
  EXPECT_EQ(found.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(found.error().message.In(Lang::kEn).find("toggl, clockify, harvest, kimai"),
            std::string::npos)
      << found.error().message.In(Lang::kEn);
}

TEST(DetectTest, UnrecognisedFileNamesItAndSuggestsFormat) {
  TempDir dir;
  const std::string file = dir.Write("notes.txt", "just some notes\n");
  const auto detected = DetectImporter(file);
  ASSERT_FALSE(detected.has_value());
  EXPECT_EQ(detected.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(detected.error().message.In(Lang::kEn).find(file), std::string::npos);
  EXPECT_NE(detected.error().message.In(Lang::kEn).find("--format"), std::string::npos);
  EXPECT_NE(detected.error().message.In(Lang::kEn).find("toggl"), std::string::npos);
  EXPECT_EQ(DetectImporter(dir.path() + "/missing.csv").error().code, ErrorCode::kNotFound);
}

TEST(DetectTest, RealTimeTrackerExports) {
  const std::string data = testing::RealDataDir();
  if (data.empty()) GTEST_SKIP() << "real sample data not found (ADDIO_REAL_DATA)";
  const std::string fixtures = data + "/timetracker_solidtime_fixtures/";
  const std::pair<std::string, std::string> expected[] = {
      {fixtures + "toggl_time_entries_import_test_1.csv", "toggl"},
      {fixtures + "toggl_time_entries_import_test_2.csv", "toggl"},
      {fixtures + "clockify_time_entries_import_test_1.csv", "clockify"},
      {fixtures + "clockify_time_entries_import_test_2.csv", "clockify"},
      {fixtures + "clockify_time_entries_import_test_3.csv", "clockify"},
      {fixtures + "clockify_time_entries_import_test_4.csv", "clockify"},
      {fixtures + "clockify_time_entries_import_test_5.csv", "clockify"},
      {fixtures + "clockify_time_entries_import_test_6.csv", "clockify"},
      {fixtures + "clockify_time_entries_import_test_7.csv", "clockify"},
      {fixtures + "harvest_time_entries_import_test_1.csv", "harvest"},
      {data + "/kimai_export_tallyho/kimai-export.csv", "kimai"},
      {data + "/toggl_real_exports/vages_Toggl_time_entries_2018-10-08_to_2018-10-14.csv", "toggl"},
  };
  for (const auto& [file, format] : expected) {
    const auto detected = DetectImporter(file);
    ASSERT_TRUE(detected.has_value()) << file << ": " << detected.error().message.In(Lang::kEn);
    EXPECT_EQ((*detected)->name(), format) << file;
  }
  // Project and client lists are no time entries.
  for (const char* name :
       {"clockify_projects_import_test_1.csv", "harvest_projects_import_test_1.csv",
        "generic_projects_import_test_1.csv"}) {
    const auto detected = DetectImporter(fixtures + name);
    if (!detected) continue;
    for (const char* tracker : {"toggl", "clockify", "harvest", "kimai"}) {
      EXPECT_NE((*detected)->name(), tracker) << name;
    }
  }
}

TEST(IngestTest, LedgerJsonKeepsItsWorkspace) {
  TempDir dir;
  const std::string file = dir.path() + "/ledger.json";
  const Ledger ledger = SmallLedger("Acme");
  ASSERT_TRUE(WriteLedger(ledger, file, false).has_value());
  const auto result = IngestPath(file);
  ASSERT_TRUE(result.has_value()) << result.error().message.In(Lang::kEn);
  EXPECT_EQ(result->format, "ledger");
  EXPECT_FALSE(result->diagnostics.HasErrors()) << Problems(*result);
  EXPECT_EQ(result->ledger, ledger);
  EXPECT_EQ(result->ledger.workspace.name, "Studio Lee");
  ASSERT_GE(result->preview.size(), 3u);
  EXPECT_EQ(result->preview[1][1], "acme");
}

TEST(IngestTest, CanonicalCsvFolderIsOneLedger) {
  TempDir dir;
  const Ledger ledger = SmallLedger("Acme");
  ASSERT_TRUE(WriteLedger(ledger, dir.path() + "/csv", true).has_value());
  const auto result = IngestPath(dir.path() + "/csv");
  ASSERT_TRUE(result.has_value()) << result.error().message.In(Lang::kEn);
  EXPECT_EQ(result->format, "ledger");
  EXPECT_EQ(result->ledger, ledger);

  // Without workspace.json, a record file with the canonical header still tells.
  std::filesystem::remove(dir.path() + "/csv/workspace.json");
  const auto headless = IngestPath(dir.path() + "/csv");
  ASSERT_TRUE(headless.has_value());
  EXPECT_EQ(headless->format, "ledger");
  EXPECT_EQ(headless->ledger.invoices, ledger.invoices);
}

TEST(IngestTest, FolderOfExportsIsMerged) {
  TempDir dir;
  dir.Write("2024/toggl.csv", kToggl);
  dir.Write("2024/copy of toggl.csv", kToggl);  // an overlapping export
  dir.Write("harvest.csv", kHarvest);
  dir.Write("clients.csv", "Client Name,Address\nExample,\n");  // not the canonical header
  dir.Write("notes.txt", "call Ann\n");
  dir.Write(".DS_Store", "\x00\x01");
  const auto result = IngestPath(dir.path());
  ASSERT_TRUE(result.has_value()) << result.error().message.In(Lang::kEn);
  EXPECT_EQ(result->format, "toggl+harvest");
  EXPECT_FALSE(result->diagnostics.HasErrors()) << Problems(*result);
  // The Toggl entry once, the Harvest entry once, and one client for both spellings.
  EXPECT_EQ(result->ledger.work.size(), 2u);
  ASSERT_EQ(result->ledger.clients.size(), 1u);
  EXPECT_EQ(result->ledger.clients[0].id, "big-company");
  EXPECT_EQ(result->ledger.projects.size(), 1u);
  EXPECT_EQ(result->ledger.work[0].client, result->ledger.work[1].client);
  EXPECT_EQ(result->source.locations.at("work").size(), 2u);
  EXPECT_EQ(result->ledger.workspace, Workspace{});
  Diagnostics checks;
  Validate(result->ledger, result->source, checks);
  EXPECT_FALSE(checks.HasErrors()) << checks.ToString();
  const auto mentions = [&](const std::string& text) {
    return std::any_of(result->review.begin(), result->review.end(), [&](const Message& line) {
      return line.In(Lang::kEn).find(text) != std::string::npos;
    });
  };
  EXPECT_TRUE(mentions("notes.txt"));
  EXPECT_TRUE(mentions("clients.csv"));
  EXPECT_FALSE(mentions(".DS_Store"));
  ASSERT_EQ(result->preview.size(), 4u);  // header and the three files read
  EXPECT_EQ(result->preview[0], (std::vector<std::string>{"file", "format", "records"}));
}

TEST(IngestTest, CanonicalFolderInsideAFolderOfExports) {
  TempDir dir;
  ASSERT_TRUE(WriteLedger(SmallLedger("Acme"), dir.path() + "/backup", true).has_value());
  dir.Write("toggl.csv", kToggl);
  const auto result = IngestPath(dir.path());
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->format, "ledger+toggl");
  EXPECT_FALSE(result->diagnostics.HasErrors()) << Problems(*result);
  EXPECT_EQ(result->ledger.clients.size(), 2u);  // acme, and Big Company from Toggl
  EXPECT_EQ(result->ledger.invoices.size(), 1u);
  EXPECT_EQ(result->ledger.work.size(), 1u);
  EXPECT_TRUE(result->review.size() >= 1u);
}

TEST(IngestTest, SameIdWithOtherContentKeepsTheLaterWithAWarning) {
  TempDir dir;
  ASSERT_TRUE(WriteLedger(SmallLedger("Acme"), dir.path() + "/a.json", false).has_value());
  ASSERT_TRUE(WriteLedger(SmallLedger("Acme Renamed"), dir.path() + "/b.json", false).has_value());
  const auto result = IngestPath(dir.path());
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->ledger.clients.size(), 1u);
  EXPECT_EQ(result->ledger.clients[0].name, "Acme Renamed");
  EXPECT_EQ(result->ledger.invoices.size(), 1u);
  EXPECT_EQ(result->diagnostics.WarningCount(), 1u) << Problems(*result);
  EXPECT_NE(result->diagnostics.ToString().find("a.json"), std::string::npos);
  EXPECT_EQ(result->ledger.workspace.name, "Studio Lee");
}

TEST(IngestTest, ForcedFormatAndBadPaths) {
  TempDir dir;
  const std::string file = dir.Write("export.txt", kToggl);
  IngestOptions kimai;
  kimai.format = "kimai";
  const auto forced = IngestPath(file, Ledger{}, kimai);
  ASSERT_TRUE(forced.has_value());
  EXPECT_EQ(forced->format, "kimai");
  EXPECT_TRUE(forced->diagnostics.HasErrors());  // a Toggl header lacks Kimai's columns

  const auto detected = IngestPath(file);
  ASSERT_TRUE(detected.has_value());
  EXPECT_EQ(detected->format, "toggl");
  EXPECT_EQ(detected->ledger.work.size(), 1u);

  IngestOptions unknown;
  unknown.format = "lotus";
  EXPECT_EQ(IngestPath(file, Ledger{}, unknown).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(IngestPath(dir.path() + "/nothing").error().code, ErrorCode::kNotFound);
}

TEST(IngestTest, SameIdForAnotherClientInALaterFileIsAnErrorNamingBoth) {
  TempDir dir;
  Ledger a = SmallLedger("Acme");
  Ledger b = SmallLedger("Acme");
  b.clients[0].id = "beta";
  b.clients[0].name = "Beta";
  b.invoices[0].client = "beta";
  b.invoices[0].amount = Money::Parse("1.00", Currency()).value();
  ASSERT_TRUE(WriteLedger(a, dir.path() + "/a.json", false).has_value());
  ASSERT_TRUE(WriteLedger(b, dir.path() + "/b.json", false).has_value());
  const auto result = IngestPath(dir.path());
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->diagnostics.ErrorCount(), 1u) << Problems(*result);
  const Diagnostic& d = result->diagnostics.items()[0];
  EXPECT_EQ(d.record_type, "invoice");
  EXPECT_EQ(d.record_id, "2025-001");
  EXPECT_EQ(d.field, "client");
  EXPECT_NE(d.path.find("$.invoices[0]"), std::string::npos);
  EXPECT_NE(d.file.find("b.json"), std::string::npos);
  const std::string text = d.Text();
  EXPECT_NE(text.find("acme"), std::string::npos) << text;
  EXPECT_NE(text.find("beta"), std::string::npos) << text;
  EXPECT_NE(text.find("a.json"), std::string::npos) << text;
  // The earlier file's invoice is kept as read: the error stops the import anyway.
  EXPECT_EQ(result->ledger.invoices.at(0).client, "acme");
}

TEST(IngestTest, AFifoIsRefusedWithoutBlocking) {
  TempDir dir;
  const std::string fifo = dir.path() + "/export.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto direct = IngestPath(fifo);
  ASSERT_FALSE(direct.has_value());
  EXPECT_EQ(direct.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(direct.error().message.In(Lang::kEn).find(fifo), std::string::npos);
  EXPECT_NE(direct.error().message.In(Lang::kIt).find(fifo), std::string::npos);
  IngestOptions forced;
  forced.format = "toggl";
  EXPECT_FALSE(IngestPath(fifo, Ledger{}, forced).has_value());

  // Inside a folder: skipped with a warning naming it; the other files are read.
  dir.Write("toggl.csv", kToggl);
  const auto folder = IngestPath(dir.path());
  ASSERT_TRUE(folder.has_value()) << folder.error().message.In(Lang::kEn);
  EXPECT_FALSE(folder->diagnostics.HasErrors()) << Problems(*folder);
  EXPECT_EQ(folder->ledger.work.size(), 1u);
  ASSERT_EQ(folder->diagnostics.WarningCount(), 1u) << Problems(*folder);
  EXPECT_EQ(folder->diagnostics.items()[0].file, fifo);

  // A FIFO in a canonical ledger folder is refused too, never opened.
  ASSERT_TRUE(WriteLedger(SmallLedger("Acme"), dir.path() + "/ledger", true).has_value());
  std::filesystem::remove(dir.path() + "/ledger/work.csv");
  const std::string work = dir.path() + "/ledger/work.csv";
  ASSERT_EQ(::mkfifo(work.c_str(), 0600), 0);
  const auto ledger = IngestPath(dir.path() + "/ledger");
  ASSERT_TRUE(ledger.has_value());
  EXPECT_TRUE(ledger->diagnostics.HasErrors());
  EXPECT_NE(ledger->diagnostics.ToString().find(work), std::string::npos);
}

TEST(IngestTest, ALatin1CsvIsReadAsWindows1252WithAWarningNamingTheFile) {
  TempDir dir;
  const std::string file = dir.Write(
      "toggl.csv",
      "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
      "End time,Duration,Tags\n"
      "Ann,ann@example.com,Societ\xE0 Caff\xE8,Sito,,Revisione \x80,Yes,2024-03-04,10:00:00,"
      "2024-03-04,11:00:00,01:00:00,\n");
  const auto result = IngestPath(file);
  ASSERT_TRUE(result.has_value());
  EXPECT_FALSE(result->diagnostics.HasErrors()) << Problems(*result);
  ASSERT_EQ(result->diagnostics.WarningCount(), 1u) << Problems(*result);
  EXPECT_EQ(result->diagnostics.items()[0].file, file);
  ASSERT_EQ(result->ledger.clients.size(), 1u);
  EXPECT_EQ(result->ledger.clients[0].name, "Società Caffè");
  ASSERT_EQ(result->ledger.work.size(), 1u);
  EXPECT_EQ(result->ledger.work[0].note, "Revisione €");

  IngestOptions latin1;
  latin1.encoding = TextEncoding::kLatin1;
  const auto as_latin1 = IngestPath(file, Ledger{}, latin1);
  ASSERT_TRUE(as_latin1.has_value());
  EXPECT_EQ(as_latin1->diagnostics.WarningCount(), 0u) << Problems(*as_latin1);
  EXPECT_EQ(as_latin1->ledger.clients.at(0).name, "Società Caffè");

  IngestOptions utf8;
  utf8.encoding = TextEncoding::kUtf8;
  const auto as_utf8 = IngestPath(file, Ledger{}, utf8);
  ASSERT_TRUE(as_utf8.has_value());
  ASSERT_TRUE(as_utf8->diagnostics.HasErrors());
  const Diagnostic& d = as_utf8->diagnostics.items()[0];
  EXPECT_EQ(d.file, file);
  EXPECT_EQ(d.line, 2);
  EXPECT_EQ(d.field, "Client");
  EXPECT_TRUE(as_utf8->ledger.work.empty());
}

TEST(IngestTest, ALatin1LedgerCsvFolderRoundTripsThroughExport) {
  TempDir dir;
  Ledger ledger = SmallLedger("Citt\xE0 S.r.l.");  // as a spreadsheet saved it
  ASSERT_TRUE(WriteLedger(ledger, dir.path() + "/csv", true).has_value());
  const auto read = IngestPath(dir.path() + "/csv");
  ASSERT_TRUE(read.has_value());
  EXPECT_FALSE(read->diagnostics.HasErrors()) << Problems(*read);
  ASSERT_EQ(read->diagnostics.WarningCount(), 1u) << Problems(*read);
  EXPECT_NE(read->diagnostics.items()[0].file.find("clients.csv"), std::string::npos);
  EXPECT_EQ(read->ledger.clients.at(0).name, "Città S.r.l.");
  // Written again (now UTF-8) and read back: the same records, no warning.
  ASSERT_TRUE(WriteLedger(read->ledger, dir.path() + "/again", true).has_value());
  const auto again = IngestPath(dir.path() + "/again");
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->diagnostics.empty()) << Problems(*again);
  EXPECT_EQ(again->ledger.clients, read->ledger.clients);
  EXPECT_EQ(again->ledger.invoices, read->ledger.invoices);
}

TEST(IngestTest, FormulaLikeTextIsEscapedInTheCsvFormAndReadBackTheSame) {
  TempDir dir;
  Ledger ledger = SmallLedger("=HYPERLINK(\"http://evil.example\",\"Acme\")");
  ledger.clients[0].emails = {"+39@example.com", "@handle", "-minus"};
  ASSERT_TRUE(WriteLedger(ledger, dir.path() + "/csv", true).has_value());
  std::ifstream in(dir.path() + "/csv/clients.csv");
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(text.find("\"'=HYPERLINK("), std::string::npos) << text;
  EXPECT_EQ(text.find(",=HYPERLINK"), std::string::npos) << text;
  EXPECT_NE(text.find("'+39@example.com"), std::string::npos) << text;
  const auto read = IngestPath(dir.path() + "/csv");
  ASSERT_TRUE(read.has_value());
  EXPECT_FALSE(read->diagnostics.HasErrors()) << Problems(*read);
  EXPECT_EQ(read->ledger.clients, ledger.clients);
}

TEST(IngestTest, SharedTimeTrackerFixturesFolder) {
  const std::string data = testing::RealDataDir();
  if (data.empty()) GTEST_SKIP() << "real sample data not found (ADDIO_REAL_DATA)";
  const auto result = IngestPath(data + "/timetracker_solidtime_fixtures");
  ASSERT_TRUE(result.has_value()) << result.error().message.In(Lang::kEn);
  for (const char* format : {"toggl", "clockify", "harvest"}) {
    EXPECT_NE(result->format.find(format), std::string::npos) << result->format;
  }
  // clockify_time_entries_import_test_3.csv has the month 13: its error is kept.
  EXPECT_NE(result->diagnostics.ToString().find("clockify_time_entries_import_test_3.csv:2"),
            std::string::npos);
  // "Big Company" appears in Toggl, Clockify and Harvest files: one client.
  const auto big = std::count_if(result->ledger.clients.begin(), result->ledger.clients.end(),
                                 [](const Client& c) { return c.name == "Big Company"; });
  EXPECT_EQ(big, 1);
}

}  // namespace
}  // namespace addio
