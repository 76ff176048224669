// The API service's request handling (api/service*.cc) without a socket: the input is a
// request line, `METHOD /api/v1/...?query`, a newline, then the body. The target routes it
// the way the server's routes do (src/api/openapi.json's paths) onto ApiService, whose
// parameter checks (as_of, lang, format, months, payments_from, ids, letter kinds), JSON
// bodies (workspace, settings, screen) and uploads (imports: the query names the file,
// the body is its bytes) are what is fuzzed, against a store holding the demo ledger.
// httplib's own parsing of the HTTP framing is not part of it.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/service.h"
#include "core/clock.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "gen/demo.h"
#include "store/store.h"

namespace {

using namespace addio;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding as a query string is decoded ('+' is a space).
std::string Decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 &&
               HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::vector<std::string> Split(std::string_view text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t cut = text.find(separator, start);
    parts.emplace_back(text.substr(start, cut == std::string_view::npos ? cut : cut - start));
    if (cut == std::string_view::npos) return parts;
    start = cut + 1;
  }
}

struct Request {
  std::string method;
  std::vector<std::string> segments;  // of the path after /api/v1/, decoded
  std::map<std::string, std::string> params;
  std::string_view body;
};

Request Parse(std::string_view text) {
  Request r;
  const size_t eol = text.find('\n');
  const std::string_view line = text.substr(0, eol);
  r.body = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
  const size_t space = line.find(' ');
  r.method = std::string(line.substr(0, space));
  std::string_view target = space == std::string_view::npos ? "" : line.substr(space + 1);
  const size_t question = target.find('?');
  if (question != std::string_view::npos) {
    for (const std::string& pair : Split(target.substr(question + 1), '&')) {
      const size_t eq = pair.find('=');
      r.params[Decode(pair.substr(0, eq))] =
          eq == std::string::npos ? "" : Decode(std::string_view(pair).substr(eq + 1));
    }
    target = target.substr(0, question);
  }
  constexpr std::string_view kPrefix = "/api/v1/";
  if (target.starts_with(kPrefix)) {
    for (const std::string& s : Split(target.substr(kPrefix.size()), '/')) {
      r.segments.push_back(Decode(s));
    }
  }
  return r;
}

ApiQuery QueryOf(const Request& r) {
  auto get = [&](const char* key) {
    const auto it = r.params.find(key);
    return it == r.params.end() ? std::string() : it->second;
  };
  return ApiQuery{.as_of = get("as_of"),
                  .lang = get("lang"),
                  .format = get("format"),
                  .months = get("months"),
                  .payments_from = get("payments_from")};
}

// Renders whatever came back, error or answer, as the server would.
template <typename T>
void Consume(const Result<T>& result) {
  if (!result) {
    (void)result.error().message.In(Lang::kEn);
    (void)result.error().message.In(Lang::kIt);
  }
}

struct Service {
  std::string url;
  FixedClock clock{ParseInstant("2026-11-30T12:00:00Z", TimeZone::Utc())->instant};
  std::unique_ptr<ApiService> service;
  Service() {
    url = "sqlite:" + fuzz::ScratchDir() + "/api.db";
    auto store = OpenStore(url, OpenMode::kCreateIfMissing);
    fuzz::CheckThat(store.has_value(), "cannot create the store");
    auto report = (*store)->Import(DemoLedger(), LedgerSource{}, false);
    fuzz::CheckThat(report.has_value() && report->written, "cannot import the demo ledger");
    service = std::make_unique<ApiService>([this] { return OpenStore(url, OpenMode::kMustExist); },
                                           clock, 8u << 20);
  }
};

void Route(ApiService& api, const Request& r) {
  const ApiQuery q = QueryOf(r);
  const std::vector<std::string>& s = r.segments;
  const bool get = r.method == "GET", put = r.method == "PUT", post = r.method == "POST";
  if (s.size() == 1) {
    const std::string& what = s[0];
    if (what == "workspace" && get) return Consume(api.GetWorkspace(q));
    if (what == "workspace" && put) return Consume(api.PutWorkspace(r.body, q));
    if (what == "clients" && get) return Consume(api.GetClients(q));
    if (what == "assessment" && get) return Consume(api.GetAssessment(q));
    if (what == "aging" && get) return Consume(api.GetAging(q));
    if (what == "importers" && get) return Consume(api.GetImporters());
    if (what == "settings" && get) return Consume(api.GetSettings(q));
    if (what == "settings" && put) return Consume(api.PutSettings(r.body, q));
    if (what == "screen" && post) return Consume(api.PostScreen(r.body, q));
    if (what == "imports" && post) {
      auto param = [&](const char* key) {
        const auto it = r.params.find(key);
        return it == r.params.end() ? std::string() : it->second;
      };
      ImportUpload upload{.filename = param("filename"),
                          .content = std::string(r.body),
                          .format = param("format"),
                          .timezone = param("timezone"),
                          .dry_run = param("dry_run"),
                          .lang = param("lang")};
      return Consume(api.PostImport(upload));
    }
  }
  if (s.size() == 3 && s[0] == "clients" && get) {
    if (s[2] == "assessment") return Consume(api.GetClientAssessment(s[1], q));
    if (s[2] == "history") return Consume(api.GetHistory(s[1], q));
    if (s[2] == "charts") return Consume(api.GetCharts(s[1], q));
    if (s[2] == "statement") return Consume(api.GetStatement(s[1], q));
  }
  if (s.size() == 4 && s[0] == "clients" && s[2] == "letters" && get) {
    return Consume(api.GetLetter(s[1], s[3], q));
  }
}

}  // namespace

ADDIO_FUZZ_TARGET(api) {
  static Service service;
  Route(*service.service, Parse(addio::fuzz::AsText(data, size)));
  return 0;
}
