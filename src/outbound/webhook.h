// Webhook delivery: a JSON body POSTed to a URL, signed so that the receiver can tell it
// came from this workspace. Headers:
//   X-Addio-Delivery   the delivery's id (the same on every retry: receivers drop repeats)
//   X-Addio-Timestamp  unix seconds when it was signed
//   X-Addio-Signature  "sha256=" + hex HMAC-SHA256(secret, timestamp + "." + body)
// Retried with exponential backoff on network failures, 429 and 5xx answers.
#pragma once

#include <chrono>
#include <string>

#include "core/time.h"
#include "outbound/delivery.h"

namespace addio {

struct WebhookPost {
  std::string url;
  std::string secret;  // the HMAC key
  std::string id;      // X-Addio-Delivery
  std::string body;    // JSON
  Instant at;          // X-Addio-Timestamp
};

struct RetryPolicy {
  int attempts = 4;                            // the first try included
  std::chrono::milliseconds first_wait{1000};  // doubled after each failed try
};

// "sha256=" + the lowercase hex HMAC-SHA256 of `timestamp + "." + body` under `secret`.
std::string WebhookSignature(const std::string& secret, int64_t timestamp, const std::string& body);

// Posts `post`. kDelivered on a 2xx answer; kNotSent when every try failed to connect or
// was answered 4xx/5xx (the receiver took nothing); kUncertain when a try timed out or
// broke after the body was sent.
DeliveryResult PostWebhook(const WebhookPost& post, const RetryPolicy& retry);

}  // namespace addio
