// How an attempt to send something ended, as the outbox needs to know it: a message that
// certainly did not leave may be tried again; one that may have left must never be.
#pragma once

#include <string>

namespace addio {

enum class Delivery {
  kDelivered,  // the server accepted it
  kNotSent,    // it certainly did not leave: no server reached, login refused, refused whole
  kUncertain,  // it may have left: the connection broke after the message was handed over
};

struct DeliveryResult {
  Delivery delivery = Delivery::kNotSent;
  std::string detail;  // what the server or the network said, for the log and the user
};

}  // namespace addio
