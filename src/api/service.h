// The API's service layer: one method per endpoint of src/api/openapi.json, free of HTTP.
// It reads "today" from the clock it was given (the composition root owns it), runs the same
// engine functions as the CLI (Assess, History, the receivables, Ingest, the store's Import)
// and renders the answer with the same renderers where one exists (`addio assess --format
// json` is byte for byte the portfolio assessment served here).
// The read endpoints answer from memory (response_cache.h): before each one the service asks
// the store's data version on a connection kept for that; while it has not changed, the
// loaded ledger, the portfolio assessment of each as_of and every rendered answer are
// reused, each made once however many requests ask for it at the same time. A changed
// version (an import through the API, or by another process into the same file) loads the
// ledger again, through a connection opened for that load (Store is not thread-safe; SQLite
// runs in WAL mode with a busy timeout). Writes (imports, settings, workspace) open their
// own connection, are serialised by a mutex, so a read-modify-write never interleaves with
// another, and make the next read see a new version at once. server.cc maps the results to
// HTTP.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "api/response_cache.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace addio {

struct Context;
class RateRanking;

struct Assessment;
struct LineOrder;
struct PortfolioLine;

// A successful answer: the body and its media type.
struct ApiBody {
  std::string content_type = "application/json";
  std::string text;
  std::string filename;  // for downloads (CSV): the suggested file name; empty otherwise
  // Set on answers of the read endpoints, which the response cache keeps: the version and
  // key they are kept under, and a strong validator of `text` (a quoted hash, for ETag).
  // 0 and empty on other answers.
  uint64_t version = 0;
  std::string cache_key;
  std::string etag;
};

// An answer of a read endpoint: shared with the response cache, never changed once made.
using ApiAnswer = std::shared_ptr<const ApiBody>;

// Query parameters of the read endpoints, exactly as given (empty when absent).
struct ApiQuery {
  std::string as_of;          // YYYY-MM-DD; empty: today in the workspace time zone
  std::string lang;           // en|it; empty: en
  std::string format;         // json|csv (letters: txt|md|html); empty: json (letters: txt)
  std::string months;         // history and charts: 1..600; empty: 12
  std::string payments_from;  // statement: YYYY-MM-DD; empty: every payment
  std::string since;          // alerts: YYYY-MM-DD; empty: a week before as_of
  // The paged portfolio (GET /portfolio).
  std::string sort;      // a column, "-" before it for descending; empty: verdict
  std::string page;      // 1...; empty: 1
  std::string per_page;  // 1..500; empty: 50
  std::string verdict;   // only clients with this verdict; empty: any
  std::string sign;      // only clients with this sign red or amber; empty: any
  std::string q;         // only clients whose name or id holds this text; empty: any
};

// One uploaded file and the parameters of POST /api/v1/imports.
struct ImportUpload {
  std::string filename;      // as the client named it; only its last path component is used
  std::string content;       // the file's bytes
  std::string format;        // importer name to force; empty: detect from name and content
  std::string timezone;      // zone for naive local times; empty: the workspace's
  std::string dry_run;       // "true"|"false"|"1"|"0"|""; empty: false
  std::string since, until;  // YYYY-MM-DD: the days a calendar is read for; empty: all
  std::string encoding;      // how CSV files are read (utf-8, windows-1252, latin-1); empty: auto
  std::string lang;
};

// Default: what the response cache may hold of rendered answers and their gzip.
inline constexpr size_t kDefaultCacheBytes = 256u << 20;

class ApiService {
 public:
  // `open_store` opens the store (OpenStore with kMustExist: the server creates the store
  // at start-up): once for the connection that asks the data version, once per data version
  // to load the ledger, once per write. `clock` gives "today" when a request has no as_of,
  // in the workspace time zone; not owned, it must outlive the service. `cache_bytes`
  // bounds the rendered answers kept (and their gzip); besides them the service keeps the
  // ledger of the current version and the portfolio assessments of two as_of dates.
  ApiService(StoreFactory open_store, const Clock& clock, size_t cache_bytes = kDefaultCacheBytes);

  // Every method returns the JSON (or CSV) body, or an Error whose code decides the HTTP
  // status (errors.h): kInvalidArgument for a malformed parameter or body (a bad as_of,
  // lang, format, months, an unknown setting), kNotFound for an unknown client id,
  // kValidation for records or settings the engine rejects, kStore when the database
  // refuses. Messages are in the request's language where addio writes them.
  Result<ApiAnswer> GetWorkspace(const ApiQuery& query);
  // GET /api/v1/coverage: the kinds of records held, the signs they let addio judge and
  // what to import next (DESIGN.md section 4b), in the query's language.
  Result<ApiAnswer> GetCoverage(const ApiQuery& query);
  Result<ApiBody> PutWorkspace(std::string_view json, const ApiQuery& query);
  Result<ApiAnswer> GetClients(const ApiQuery& query);
  Result<ApiAnswer> GetAssessment(const ApiQuery& query);
  // One page of the portfolio's lines (report.h RenderPortfolioPage), sorted, filtered and
  // paged by query.sort, page, per_page, verdict, sign and q, from the lines the store
  // keeps (verdict/portfolio_lines.h), never the whole ledger. kInvalidArgument for a
  // parameter out of its range.
  Result<ApiAnswer> GetPortfolio(const ApiQuery& query);
  // Makes the portfolio's lines (and their default order) of the date a dashboard opens
  // with (GET /workspace's default_as_of) and keeps them in the store, so that the first
  // page is answered without assessing the portfolio. Lines the store keeps are read, not
  // made again. Errors are left for the requests to report.
  void WarmPortfolio();
  Result<ApiAnswer> GetClientAssessment(const std::string& id, const ApiQuery& query);
  Result<ApiAnswer> GetHistory(const std::string& id, const ApiQuery& query);
  Result<ApiAnswer> GetCharts(const std::string& id, const ApiQuery& query);
  Result<ApiAnswer> GetAging(const ApiQuery& query);
  Result<ApiAnswer> GetStatement(const std::string& id, const ApiQuery& query);
  // GET /api/v1/forecast: the payment forecast as of query.as_of (predict/forecast.h), the
  // JSON of `addio forecast --format json` with its fallback sentence in query.lang.
  Result<ApiAnswer> GetForecast(const ApiQuery& query);
  // GET /api/v1/alerts: the alerts between query.since and query.as_of (alerts/alerts.h),
  // the JSON of `addio alerts --format json` in query.lang.
  Result<ApiAnswer> GetAlerts(const ApiQuery& query);
  // GET /api/v1/dunning: what the dunning ladders ask for as of query.as_of
  // (act/dunning.h), the JSON of `addio dunning --format json` in query.lang.
  Result<ApiAnswer> GetDunning(const ApiQuery& query);
  // POST /api/v1/dunning/send: sends the letters due as of query.as_of, each step of each
  // invoice once (outbound/dunning_send.h): {"as_of", "sent": [{"client", "name",
  // "address", "action", "after_days", "invoices", "delivery", "detail"}]}, delivery
  // delivered|not_sent|uncertain|taken. kInvalidArgument when no mail server is set.
  Result<ApiBody> PostDunningSend(std::string_view json, const ApiQuery& query);
  Result<ApiBody> GetImporters();
  // Runs the importer on the uploaded bytes (saved to a private temporary folder under the
  // uploaded file's name, removed afterwards) and hands the records to Store::Import.
  // Returns the report also when the records were rejected (ok false, nothing written);
  // errors only when no importer reads the file or the format is unknown
  // (kInvalidArgument) or the store refuses.
  Result<ApiBody> PostImport(const ImportUpload& upload);
  Result<ApiAnswer> GetSettings(const ApiQuery& query);
  Result<ApiBody> PutSettings(std::string_view json, const ApiQuery& query);
  // Screens a prospect from its intake answers (a JSON object with the ten keys of
  // DESIGN.md section 6): the JSON of `addio screen --format json`, with the most similar
  // past clients as of query.as_of when the workspace holds their answers. Bad or missing
  // answers are kInvalidArgument with ParseIntake's message naming the key.
  Result<ApiBody> PostScreen(std::string_view json, const ApiQuery& query);
  // The letter `kind` (report/letters.h keys) to client `id`, dated query.as_of, in
  // query.format (txt, md or html; empty: txt): the bytes of `addio letter`, as text/plain,
  // text/markdown or text/html. kInvalidArgument for an unknown kind or format; kNotFound
  // for an unknown client or when a reminder or formal notice has nothing overdue;
  // kConflict when a rate increase has nothing to propose.
  Result<ApiAnswer> GetLetter(const std::string& id, const std::string& kind,
                              const ApiQuery& query);
  // GET /api/v1/clients/{id}/letters: each letter kind and whether it applies to the client
  // as of query.as_of (it can be written), with why not in query.lang. kNotFound for an
  // unknown client.
  Result<ApiAnswer> GetLetters(const std::string& id, const ApiQuery& query);

  // The gzip of `answer.text`, made once for a cached answer and kept beside it (an
  // uncached answer is compressed now).
  Result<std::shared_ptr<const std::string>> Gzipped(const ApiBody& answer);

  // What the response cache holds and did: `answers` the rendered bodies and their gzip,
  // `objects` the ledger and portfolio assessments. For tests and monitoring.
  struct CacheStats {
    ResponseCache::Stats answers;
    ResponseCache::Stats objects;
    CacheStats& operator+=(const CacheStats& other) {
      answers += other.answers;
      objects += other.objects;
      return *this;
    }
  };
  CacheStats cache_stats() const;

 private:
  // The store's data at one version: what every read endpoint starts from.
  struct Snapshot {
    uint64_t version = 0;
    std::shared_ptr<const Ledger> ledger;
  };
  // The snapshot of the current version, its ledger loaded once per version.
  Result<Snapshot> Current();
  // What a read of one date over the whole ledger starts from (DatedRead below is the same
  // without the ledger): the query's language, the current snapshot, and query.as_of
  // (today when empty) in the snapshot's workspace time zone. Errors: a bad lang or as_of
  // (kInvalidArgument), those of Current.
  struct LedgerRead {
    Lang lang = Lang::kEn;
    Snapshot snapshot;
    CivilDate as_of;
  };
  Result<LedgerRead> ReadLedgerAsOf(const ApiQuery& query);
  // The portfolio assessment as of `as_of`, made once per version and date.
  Result<std::shared_ptr<const Assessment>> PortfolioAssessment(const Snapshot& snapshot,
                                                                CivilDate as_of);
  // The stored workspace at `version`, read once per version (not the whole ledger).
  Result<std::shared_ptr<const Workspace>> StoredWorkspace(uint64_t version);
  // What a read of one date starts from without the ledger: the current version, its
  // stored workspace, and the as_of parameter resolved in the workspace's zone.
  struct DatedRead {
    uint64_t version = 0;
    std::shared_ptr<const Workspace> workspace;
    CivilDate as_of;
  };
  Result<DatedRead> ReadAsOf(const std::string& as_of_text);
  // A connection for reads that keep what they derive (portfolio lines and statistics):
  // keeping them goes through version_ (KeepingStore), so it does not make every answer
  // made before stale.
  Result<std::unique_ptr<Store>> OpenKeeping();
  // The portfolio statistics at `version` as of context.as_of, from what the store keeps
  // (verdict/stored_assessment.h), made once per version and date.
  Result<std::shared_ptr<const RateRanking>> Statistics(uint64_t version, Store& store,
                                                        const Context& context);
  // Every client's portfolio line as of `as_of` at `version`, read (and made where not
  // current) once per version and date; their order by `order`, once per order.
  Result<std::shared_ptr<const std::vector<PortfolioLine>>> Lines(uint64_t version,
                                                                  const Workspace& workspace,
                                                                  CivilDate as_of);
  Result<std::shared_ptr<const std::vector<uint32_t>>> LineOrdering(
      uint64_t version, CivilDate as_of, const std::vector<PortfolioLine>& lines,
      const LineOrder& order);
  // The answer kept under `key` at `version`, else the one `render` makes.
  // `key` names the endpoint and every normalised parameter (as_of resolved).
  Result<ApiAnswer> Cached(uint64_t version, const std::string& key,
                           const std::function<Result<ApiBody>()>& render);

  StoreFactory open_store_;
  const Clock& clock_;
  std::mutex write_mutex_;
  StoreVersion version_;
  ResponseCache answers_;
  ResponseCache objects_;
};

}  // namespace addio
