#include "cli/letter_command.h"

#include <cstdio>
#include <fstream>

#include "cli/screen_command.h"
#include "report/letters.h"

namespace addio::cli {
namespace {}  // namespace

int Letter(const Common& common, const LetterCommandOptions& options) {
  const auto kind = ParseLetterKind(options.kind);
  if (!kind) {
    return ReportError(
        {ErrorCode::kInvalidArgument,
         std::string(T(common, "--kind: unknown letter \"", "--kind: lettera sconosciuta \"")) +
             options.kind +
             "\" (reminder, formal-notice, rate-increase, change-order, office-hours, "
             "termination)"});
  }
  const auto format = ParseLetterFormat(options.format);
  if (!format) {
    return ReportError(
        {ErrorCode::kInvalidArgument,
         std::string(T(common, "--format: unknown format \"", "--format: formato sconosciuto \"")) +
             options.format + "\" (txt, md, html)"});
  }
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return ReportError(ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return ReportError(as_of.error());

  LetterOptions letter;
  letter.kind = *kind;
  letter.lang = common.lang;
  letter.format = *format;
  letter.place = options.place;
  letter.claim_paid_late = options.claim_paid_late;
  auto text = RenderLetter(*ledger, options.client, *as_of, letter);
  if (!text) return ReportError(text.error());

  if (options.out.empty()) {
    std::fwrite(text->data(), 1, text->size(), stdout);
    return 0;
  }
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  out << *text;
  if (!out) {
    return ReportError(
        {ErrorCode::kIo,
         std::string(T(common, "cannot write ", "impossibile scrivere ")) + options.out});
  }
  std::fprintf(stderr, T(common, "Wrote the letter to %s.\n", "Lettera scritta in %s.\n"),
               options.out.c_str());
  return 0;
}

}  // namespace addio::cli
