// The streaming writers behind OpenLedgerSink (ledger/format.h): LedgerSink
// implementations for the JSON form and the CSV form, which take records chunk by chunk
// in any type order and write them through buffered files, so that memory stays at the
// size of the buffers whatever the number of records. WriteLedger writes the CSV form
// through the same sink; the bytes of each record come from json_write.cc and
// csv_format.cc, shared with the whole-ledger writer.
#include <array>
#include <filesystem>

#include "ledger/format.h"
#include "ledger/format_internal.h"
#include "ledger/workspace_zone.h"

namespace addio {

using namespace format_internal;  // NOLINT(google-build-using-namespace): this file's internals

namespace {

// The JSON form through one temporary file per record type next to the output, joined at
// Finish: memory stays at the size of the buffers whatever the number of records.
class JsonSink final : public LedgerSink {
 public:
  JsonSink(std::string path, const Workspace& workspace)
      : path_(std::move(path)), workspace_(workspace), zone_(ZoneOf(workspace)) {}

  ~JsonSink() override { RemoveParts(); }

  Status Open() {
    for (int k = 0; k < kRecordTypes; ++k) {
      if (Status opened = parts_[k].Open(PartPath(k)); !opened) return opened;
    }
    return {};
  }

  void Add(const Ledger& chunk) override {
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      constexpr int k = RecordTraits<R>::kIndex;
      for (const R& record : chunk.*RecordTraits<R>::kMember) {
        std::string& out = parts_[k].buffer();
        if (counts_[k]++ > 0) out += kJsonRecordSeparator;
        AppendJsonRecord(out, record, zone_);
        parts_[k].FlushIfFull();
      }
    });
  }

  Status Finish() override {
    for (OutFile& part : parts_) {
      if (Status closed = part.Close(); !closed) return closed;
    }
    const std::string temp = path_ + ".tmp";
    OutFile out;
    if (Status opened = out.Open(temp); !opened) return opened;
    AppendJsonHead(out.buffer(), workspace_, counts_[kCreditNoteType] > 0);
    for (int k = 0; k < kRecordTypes; ++k) {
      if (counts_[k] == 0 && !WrittenWhenEmpty(k)) continue;
      AppendJsonArrayStart(out.buffer(), k, counts_[k] == 0);
      out.AppendFile(PartPath(k));  // a failure is reported by Close()
      AppendJsonArrayEnd(out.buffer(), counts_[k] == 0);
    }
    AppendJsonTail(out.buffer());
    Status closed = out.Close();
    RemoveParts();
    if (!closed) {
      std::error_code ec;
      std::filesystem::remove(temp, ec);
      return closed;
    }
    return ReplaceFile(temp, path_);
  }

 private:
  std::string PartPath(int k) const { return path_ + "." + kRecordTypeNames[k].array + ".part"; }

  void RemoveParts() {
    std::error_code ec;
    for (int k = 0; k < kRecordTypes; ++k) std::filesystem::remove(PartPath(k), ec);
  }

  std::string path_;
  Workspace workspace_;
  TimeZone zone_;
  std::array<OutFile, kRecordTypes> parts_;
  std::array<int64_t, kRecordTypes> counts_{};
};

// The CSV form: workspace.json at once, then each record file written as records come.
class CsvSink final : public LedgerSink {
 public:
  CsvSink(std::string folder, const Workspace& workspace)
      : folder_(std::move(folder)), workspace_(workspace), zone_(ZoneOf(workspace)) {}

  Status Open() {
    std::error_code ec;
    std::filesystem::create_directories(folder_, ec);
    if (ec) return IoError("ledger.io.cannot_create", folder_, ec);
    if (Status written = WriteWorkspaceFile(/*credit_notes=*/false); !written) return written;
    Status status;
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      constexpr int k = RecordTraits<R>::kIndex;
      if (!status || !WrittenWhenEmpty(k)) return;
      status = OpenFile<R>();
    });
    // A credit_notes.csv of an earlier export would otherwise outlive its records.
    std::filesystem::remove(File(kRecordTypeNames[kCreditNoteType].csv_file), ec);
    return status;
  }

  void Add(const Ledger& chunk) override {
    ForEachRecordType([&](auto tag) {
      using R = typename decltype(tag)::type;
      constexpr int k = RecordTraits<R>::kIndex;
      const std::vector<R>& records = chunk.*RecordTraits<R>::kMember;
      if (records.empty()) return;
      if (!opened_[k]) {
        // A type not written when empty gets its file with its first record.
        if (Status status = OpenFile<R>(); !status && status_) status_ = status;
        if (!opened_[k]) return;
      }
      for (const R& record : records) {
        AppendCsvRecord(files_[k].buffer(), record, zone_);
        files_[k].FlushIfFull();
      }
    });
  }

  Status Finish() override {
    Status status = status_;
    for (int k = 0; k < kRecordTypes; ++k) {
      if (!opened_[k]) continue;
      Status closed = files_[k].Close();
      if (status && !closed) status = closed;
    }
    // The folder holds credit notes: its workspace.json names addio-ledger/1.1.
    if (status && opened_[kCreditNoteType]) status = WriteWorkspaceFile(/*credit_notes=*/true);
    return status;
  }

 private:
  std::string File(const char* name) const {
    return (std::filesystem::path(folder_) / name).string();
  }

  Status WriteWorkspaceFile(bool credit_notes) {
    OutFile workspace_file;
    if (Status opened = workspace_file.Open(File("workspace.json")); !opened) return opened;
    AppendWorkspaceFile(workspace_file.buffer(), workspace_, credit_notes);
    return workspace_file.Close();
  }

  template <typename R>
  Status OpenFile() {
    constexpr int k = RecordTraits<R>::kIndex;
    Status status = files_[k].Open(File(kRecordTypeNames[k].csv_file));
    if (!status) return status;
    opened_[k] = true;
    AppendCsvHeader<R>(files_[k].buffer());
    return status;
  }

  std::string folder_;
  Workspace workspace_;
  TimeZone zone_;
  std::array<OutFile, kRecordTypes> files_;
  std::array<bool, kRecordTypes> opened_{};
  Status status_;  // the first failure to open a file met while adding records
};

}  // namespace

Status format_internal::WriteCsvLedger(const Ledger& ledger, const std::string& folder) {
  CsvSink sink(folder, ledger.workspace);
  if (Status opened = sink.Open(); !opened) return opened;
  sink.Add(ledger);
  return sink.Finish();
}

Result<std::unique_ptr<LedgerSink>> OpenLedgerSink(const std::string& path, bool csv,
                                                   const Workspace& workspace) {
  if (csv) {
    auto sink = std::make_unique<CsvSink>(path, workspace);
    if (Status opened = sink->Open(); !opened) return std::unexpected(opened.error());
    return std::unique_ptr<LedgerSink>(std::move(sink));
  }
  auto sink = std::make_unique<JsonSink>(path, workspace);
  if (Status opened = sink->Open(); !opened) return std::unexpected(opened.error());
  return std::unique_ptr<LedgerSink>(std::move(sink));
}

}  // namespace addio
