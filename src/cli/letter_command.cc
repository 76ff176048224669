#include "cli/letter_command.h"

#include <cstdio>
#include <fstream>

#include "cli/screen_command.h"
#include "report/letters.h"

namespace addio::cli {
int Letter(const Common& common, const LetterCommandOptions& options) {
  const auto kind = ParseLetterKind(options.kind);
  if (!kind) {
    return ReportError(common,
                       {ErrorCode::kInvalidArgument, Msg("cli.letter.unknown_kind", options.kind)});
  }
  const auto format = ParseLetterFormat(options.format);
  if (!format) {
    return ReportError(
        common, {ErrorCode::kInvalidArgument, Msg("cli.letter.unknown_format", options.format)});
  }
  auto ledger = LoadSource(common, options.source);
  if (!ledger) return ReportError(common, ledger.error());
  auto as_of = ResolveAsOf(common, options.as_of, ledger->workspace);
  if (!as_of) return ReportError(common, as_of.error());

  LetterOptions letter;
  letter.kind = *kind;
  letter.lang = common.lang;
  letter.format = *format;
  letter.place = options.place;
  letter.claim_paid_late = options.claim_paid_late;
  auto text = RenderLetter(*ledger, options.client, *as_of, letter);
  if (!text) return ReportError(common, text.error());

  if (options.out.empty()) {
    WriteToStdout(*text);
    return 0;
  }
  std::ofstream out(options.out, std::ios::binary | std::ios::trunc);
  out << *text;
  if (!out) {
    return ReportError(common, {ErrorCode::kIo, Msg("cli.error.cannot_write", options.out)});
  }
  PrintNote(common, Msg("cli.letter.wrote", options.out));
  return 0;
}

}  // namespace addio::cli
