#include "outbound/curl_library.h"

#include <string>

#include "core/shared_library.h"

namespace addio::outbound_internal {

const CurlLibrary& Curl() {
  static const CurlLibrary functions = [] {
    const SharedLibrary library("libcurl.so.4");
    CurlLibrary out;
    decltype(&curl_global_init) global_init = nullptr;
    library.Find(global_init, "curl_global_init");
    library.Find(out.easy_init, "curl_easy_init");
    library.Find(out.easy_setopt, "curl_easy_setopt");
    library.Find(out.easy_perform, "curl_easy_perform");
    library.Find(out.easy_getinfo, "curl_easy_getinfo");
    library.Find(out.easy_cleanup, "curl_easy_cleanup");
    library.Find(out.easy_strerror, "curl_easy_strerror");
    library.Find(out.slist_append, "curl_slist_append");
    library.Find(out.slist_free_all, "curl_slist_free_all");
    library.Find(out.mime_init, "curl_mime_init");
    library.Find(out.mime_addpart, "curl_mime_addpart");
    library.Find(out.mime_data, "curl_mime_data");
    library.Find(out.mime_type, "curl_mime_type");
    library.Find(out.mime_encoder, "curl_mime_encoder");
    library.Find(out.mime_free, "curl_mime_free");
    global_init(CURL_GLOBAL_DEFAULT);
    return out;
  }();
  return functions;
}

CurlHandle::CurlHandle() : handle_(Curl().easy_init()) {
  if (handle_ == nullptr) throw std::runtime_error("libcurl: cannot make a handle");
  Set(CURLOPT_ERRORBUFFER, error_);
  Set(CURLOPT_NOSIGNAL, 1L);
}

CurlHandle::~CurlHandle() {
  const CurlLibrary& curl = Curl();
  curl.easy_cleanup(handle_);  // before the lists and the MIME structure it points to
  if (mime_ != nullptr) curl.mime_free(mime_);
  if (headers_ != nullptr) curl.slist_free_all(headers_);
  if (recipients_ != nullptr) curl.slist_free_all(recipients_);
}

void CurlHandle::AddHeader(const std::string& line) {
  headers_ = Curl().slist_append(headers_, line.c_str());
}

void CurlHandle::AddRecipient(const std::string& address) {
  recipients_ = Curl().slist_append(recipients_, address.c_str());
}

curl_mime* CurlHandle::Mime() {
  if (mime_ == nullptr) mime_ = Curl().mime_init(handle_);
  return mime_;
}

CURLcode CurlHandle::Perform() {
  if (headers_ != nullptr) Set(CURLOPT_HTTPHEADER, headers_);
  if (recipients_ != nullptr) Set(CURLOPT_MAIL_RCPT, recipients_);
  if (mime_ != nullptr) Set(CURLOPT_MIMEPOST, mime_);
  error_[0] = '\0';
  return Curl().easy_perform(handle_);
}

std::string CurlHandle::ErrorText(CURLcode code) const {
  return error_[0] != '\0' ? std::string(error_) : std::string(Curl().easy_strerror(code));
}

}  // namespace addio::outbound_internal
