// The profile endpoints (DESIGN.md section 6 and issue 6): screening a prospect from its
// intake answers, a ready-to-send letter to a client, and which letters apply to it. They
// reuse what the CLI prints: POST /screen answers the bytes of `addio screen --format
// json`, GET .../letters/{kind} those of `addio letter`.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>

#include "api/json_util.h"
#include "api/service.h"
#include "api/service_internal.h"
#include "profile/intake.h"
#include "profile/screening.h"
#include "profile/similar.h"
#include "report/letters.h"
#include "report/profile_report.h"

namespace addio {
namespace {

using api_internal::Json;
using api_internal::JsonBody;

// The media type of each letter format; always UTF-8.
const char* LetterContentType(LetterFormat format) {
  switch (format) {
    case LetterFormat::kText:
      return "text/plain; charset=utf-8";
    case LetterFormat::kMarkdown:
      return "text/markdown; charset=utf-8";
    case LetterFormat::kHtml:
      return "text/html; charset=utf-8";
  }
  return "text/plain; charset=utf-8";
}

}  // namespace

Result<ApiBody> ApiService::PostScreen(std::string_view json, const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  // Answers the client sent wrong are a bad request, whatever ParseIntake calls them; its
  // message names the key and the values allowed.
  auto answers = ParseIntake(json, IntakeFormat::kJson, *lang);
  if (!answers) return Fail(ErrorCode::kInvalidArgument, answers.error().message);

  auto snapshot = Current();
  if (!snapshot) return std::unexpected(snapshot.error());
  const Ledger& ledger = *snapshot->ledger;
  auto as_of = api_internal::ParseAsOf(query.as_of, ledger.workspace, clock_);
  if (!as_of) return std::unexpected(as_of.error());

  // As `addio screen` does over a workspace: the minimum fee at the target rate, and the
  // past clients who answered alike.
  ScreeningReport report;
  report.screening = ScreenProspect(*answers);
  report.hourly_rate = ledger.workspace.target_hourly_rate;
  report.as_of = *as_of;
  auto similar = FindSimilarClients(*answers, ledger, *as_of, {3, {}});
  if (!similar) return std::unexpected(similar.error());
  report.similar = std::move(*similar);
  return JsonBody(RenderScreening(report, {Format::kJson, *lang, false}));
}

Result<ApiAnswer> ApiService::GetLetters(const std::string& id, const ApiQuery& query) {
  auto read = ReadLedgerAsOf(query);
  if (!read) return std::unexpected(read.error());
  const Lang lang = read->lang;
  const Ledger& ledger = *read->snapshot.ledger;
  const CivilDate as_of = read->as_of;
  const std::string key = api_internal::CacheKey("letters", {id, as_of.ToString(), LangKey(lang)});
  return Cached(read->snapshot.version, key, [&]() -> Result<ApiBody> {
    const bool known = std::any_of(ledger.clients.begin(), ledger.clients.end(),
                                   [&id](const Client& c) { return c.id == id; });
    if (!known) return std::unexpected(UnknownClient(id));
    Json letters = Json::array();
    for (LetterKind kind : kAllLetterKinds) {
      LetterOptions options;
      options.kind = kind;
      options.lang = lang;
      // A letter applies when it can be written: nothing overdue (kNotFound) or no rate to
      // propose (kConflict) is why it does not.
      auto text = RenderLetter(ledger, id, as_of, options);
      if (!text && text.error().code != ErrorCode::kNotFound &&
          text.error().code != ErrorCode::kConflict) {
        return std::unexpected(text.error());
      }
      Json item;
      item["kind"] = LetterKindKey(kind);
      item["applies"] = text.has_value();
      item["why_not"] = text ? Json(nullptr) : Json(text.error().message.In(lang));
      letters.push_back(std::move(item));
    }
    Json out;
    out["client"] = id;
    out["as_of"] = as_of.ToString();
    out["letters"] = std::move(letters);
    return JsonBody(api_internal::Dump(out));
  });
}

Result<ApiAnswer> ApiService::GetLetter(const std::string& id, const std::string& kind,
                                        const ApiQuery& query) {
  auto lang = api_internal::ParseLangParam(query.lang);
  if (!lang) return std::unexpected(lang.error());
  const std::optional<LetterKind> letter_kind = ParseLetterKind(kind);
  if (!letter_kind) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.letter_kind", kind));
  }
  const std::optional<LetterFormat> format =
      query.format.empty() ? LetterFormat::kText : ParseLetterFormat(query.format);
  if (!format) {
    return Fail(ErrorCode::kInvalidArgument, Msg("api.error.letter_format", query.format));
  }
  auto snapshot = Current();
  if (!snapshot) return std::unexpected(snapshot.error());
  const Ledger& ledger = *snapshot->ledger;
  auto as_of = api_internal::ParseAsOf(query.as_of, ledger.workspace, clock_);
  if (!as_of) return std::unexpected(as_of.error());

  LetterOptions options;
  options.kind = *letter_kind;
  options.lang = *lang;
  options.format = *format;
  const std::string key = api_internal::CacheKey(
      "letter", {id, kind, as_of->ToString(), LangKey(*lang), LetterContentType(*format)});
  return Cached(snapshot->version, key, [&]() -> Result<ApiBody> {
    // kNotFound for an unknown client or nothing overdue to ask for, kConflict for a rate
    // increase with nothing to propose: the messages are already in `lang`.
    auto text = RenderLetter(ledger, id, *as_of, options);
    if (!text) return std::unexpected(text.error());
    return ApiBody{LetterContentType(*format), std::move(*text), {}};
  });
}

}  // namespace addio
