// Signed FatturaPA files (.xml.p7m): the invoice XML wrapped in a CAdES signature, as
// issuers sign them and SdI delivers them. Internal to src/ingest/ (fatturapa.cc).
#pragma once

#include <string>

#include "core/result.h"

namespace addio {

// The signed content of a CAdES envelope given as DER, or base64 with or without PEM
// armour lines; a signature over a signature is opened in turn. The signature itself is
// not verified: the invoice is read for its figures, and SdI has checked it already.
// Errors kParse: not a CMS signature, a detached signature (no content inside), nesting
// deeper than four levels.
Result<std::string> ExtractSignedContent(std::string bytes);

}  // namespace addio
