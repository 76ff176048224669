// The API's service layer: one method per endpoint of src/api/openapi.json, free of HTTP.
// Each call opens the store through the factory it was given (Store is not thread-safe, so
// every request has its own connection; SQLite runs in WAL mode with a busy timeout) and
// reads "today" from the clock it was given (the composition root owns both), loads what it needs,
// runs the same engine functions as the CLI (Assess, History, the receivables, Ingest, the store's
// Import) and renders the answer with the same renderers where one exists
// (`addio assess --format json` is byte for byte the portfolio assessment served here).
// Writes (imports, settings, workspace) are serialised by a mutex, so a read-modify-write
// never interleaves with another. server.cc maps the results to HTTP.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/result.h"
#include "store/store.h"

namespace addio {

// A successful answer: the body and its media type.
struct ApiBody {
  std::string content_type = "application/json";
  std::string text;
  std::string filename;  // for downloads (CSV): the suggested file name; empty otherwise
};

// Query parameters of the read endpoints, exactly as given (empty when absent).
struct ApiQuery {
  std::string as_of;          // YYYY-MM-DD; empty: today in the workspace time zone
  std::string lang;           // en|it; empty: en
  std::string format;         // json|csv (letters: txt|md|html); empty: json (letters: txt)
  std::string months;         // history and charts: 1..600; empty: 12
  std::string payments_from;  // statement: YYYY-MM-DD; empty: every payment
};

// One uploaded file and the parameters of POST /api/v1/imports.
struct ImportUpload {
  std::string filename;  // as the client named it; only its last path component is used
  std::string content;   // the file's bytes
  std::string format;    // importer name to force; empty: detect from name and content
  std::string timezone;  // zone for naive local times; empty: the workspace's
  std::string dry_run;   // "true"|"false"|"1"|"0"|""; empty: false
  std::string lang;
};

// Opens one connection to the store (OpenStore with kMustExist: the server creates the
// store at start-up). Called once per request, from several threads at once.
using StoreFactory = std::function<Result<std::unique_ptr<Store>>()>;

class ApiService {
 public:
  // `open_store` gives each request its store; `clock` gives "today" when a request has no
  // as_of, in the workspace time zone. `clock` is not owned and must outlive the service.
  ApiService(StoreFactory open_store, const Clock& clock);

  // Every method returns the JSON (or CSV) body, or an Error whose code decides the HTTP
  // status (errors.h): kInvalidArgument for a malformed parameter or body (a bad as_of,
  // lang, format, months, an unknown setting), kNotFound for an unknown client id,
  // kValidation for records or settings the engine rejects, kStore when the database
  // refuses. Messages are in the request's language where addio writes them.
  Result<ApiBody> GetWorkspace(const ApiQuery& query);
  Result<ApiBody> PutWorkspace(std::string_view json, const ApiQuery& query);
  Result<ApiBody> GetClients(const ApiQuery& query);
  Result<ApiBody> GetAssessment(const ApiQuery& query);
  Result<ApiBody> GetClientAssessment(const std::string& id, const ApiQuery& query);
  Result<ApiBody> GetHistory(const std::string& id, const ApiQuery& query);
  Result<ApiBody> GetCharts(const std::string& id, const ApiQuery& query);
  Result<ApiBody> GetAging(const ApiQuery& query);
  Result<ApiBody> GetStatement(const std::string& id, const ApiQuery& query);
  Result<ApiBody> GetImporters();
  // Runs the importer on the uploaded bytes (saved to a private temporary folder under the
  // uploaded file's name, removed afterwards) and hands the records to Store::Import.
  // Returns the report also when the records were rejected (ok false, nothing written);
  // errors only when no importer reads the file or the format is unknown
  // (kInvalidArgument) or the store refuses.
  Result<ApiBody> PostImport(const ImportUpload& upload);
  Result<ApiBody> GetSettings(const ApiQuery& query);
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
  Result<ApiBody> GetLetter(const std::string& id, const std::string& kind, const ApiQuery& query);

 private:
  StoreFactory open_store_;
  const Clock& clock_;
  std::mutex write_mutex_;
};

}  // namespace addio
