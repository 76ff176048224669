// Mail (eml.cc, mbox.cc, mail_common.cc; GMime parses the messages): every input is read
// as one .eml message and as an mbox mailbox.
#include "fuzz_support.h"
#include "fuzz_target.h"

ADDIO_FUZZ_TARGET(mail) {
  using namespace addio;
  const std::string_view text = fuzz::AsText(data, size);
  fuzz::ReadWith("eml", "message.eml", text);
  fuzz::ReadWith("mbox", "mailbox.mbox", text);
  return 0;
}
