#include "outbound/webhook.h"

#include <stdexcept>
#include <thread>

#include "core/secrets.h"
#include "outbound/curl_library.h"

namespace addio {
namespace {

using outbound_internal::Curl;
using outbound_internal::CurlHandle;

enum class Try { kDelivered, kRetry, kRefused, kUncertain };

struct Attempt {
  Try outcome = Try::kRetry;
  std::string detail;
};

Attempt PostOnce(const WebhookPost& post) {
  CurlHandle handle;
  handle.Set(CURLOPT_URL, post.url.c_str());
  handle.Set(CURLOPT_POSTFIELDS, post.body.c_str());
  handle.Set(CURLOPT_POSTFIELDSIZE, static_cast<long>(post.body.size()));
  handle.Set(CURLOPT_CONNECTTIMEOUT, 10L);
  handle.Set(CURLOPT_TIMEOUT, 30L);
  handle.Set(CURLOPT_FOLLOWLOCATION, 0L);
  const int64_t timestamp = post.at.unix_seconds();
  handle.AddHeader("Content-Type: application/json");
  handle.AddHeader("User-Agent: addio");
  handle.AddHeader("X-Addio-Delivery: " + post.id);
  handle.AddHeader("X-Addio-Timestamp: " + std::to_string(timestamp));
  handle.AddHeader("X-Addio-Signature: " + WebhookSignature(post.secret, timestamp, post.body));
  const CURLcode code = handle.Perform();
  if (code != CURLE_OK) {
    const bool before_sending = code == CURLE_COULDNT_CONNECT ||
                                code == CURLE_COULDNT_RESOLVE_HOST ||
                                code == CURLE_SSL_CONNECT_ERROR || code == CURLE_URL_MALFORMAT;
    return {before_sending ? Try::kRetry : Try::kUncertain, handle.ErrorText(code)};
  }
  long status = 0;
  Curl().easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
  const std::string detail = "HTTP " + std::to_string(status);
  if (status >= 200 && status < 300) return {Try::kDelivered, detail};
  if (status == 429 || status >= 500) return {Try::kRetry, detail};
  return {Try::kRefused, detail};
}

}  // namespace

std::string WebhookSignature(const std::string& secret, int64_t timestamp,
                             const std::string& body) {
  return "sha256=" + HmacSha256Hex(secret, std::to_string(timestamp) + "." + body);
}

DeliveryResult PostWebhook(const WebhookPost& post, const RetryPolicy& retry) {
  try {
    std::chrono::milliseconds wait = retry.first_wait;
    Attempt attempt;
    for (int i = 0; i < retry.attempts; ++i) {
      if (i > 0) {
        std::this_thread::sleep_for(wait);
        wait *= 2;
      }
      attempt = PostOnce(post);
      switch (attempt.outcome) {
        case Try::kDelivered:
          return {Delivery::kDelivered, attempt.detail};
        case Try::kUncertain:
          return {Delivery::kUncertain, attempt.detail};
        case Try::kRefused:
          return {Delivery::kNotSent, attempt.detail};
        case Try::kRetry:
          break;
      }
    }
    return {Delivery::kNotSent, attempt.detail};
  } catch (const std::runtime_error& e) {
    return {Delivery::kNotSent, e.what()};
  }
}

}  // namespace addio
