// libcurl, opened on first use rather than when addio starts: it and what it pulls in
// (nghttp2, LDAP, SSH, PSL, GSSAPI, ...) would cost every command start-up time, and only
// `addio dunning --send` and alert delivery need it. The declarations come from its
// headers, so the types are checked.
#pragma once

#include <curl/curl.h>

#include <string>

namespace addio::outbound_internal {

struct CurlLibrary {
  decltype(&curl_easy_init) easy_init;
  decltype(&curl_easy_setopt) easy_setopt;
  decltype(&curl_easy_perform) easy_perform;
  decltype(&curl_easy_getinfo) easy_getinfo;
  decltype(&curl_easy_cleanup) easy_cleanup;
  decltype(&curl_easy_strerror) easy_strerror;
  decltype(&curl_slist_append) slist_append;
  decltype(&curl_slist_free_all) slist_free_all;
  decltype(&curl_mime_init) mime_init;
  decltype(&curl_mime_addpart) mime_addpart;
  decltype(&curl_mime_data) mime_data;
  decltype(&curl_mime_type) mime_type;
  decltype(&curl_mime_encoder) mime_encoder;
  decltype(&curl_mime_free) mime_free;
};

// The library, initialised once per process. Throws std::runtime_error naming the
// library when it cannot be loaded: an installation fault.
const CurlLibrary& Curl();

// An easy handle freed on scope exit, with its header list and MIME structure.
class CurlHandle {
 public:
  CurlHandle();
  ~CurlHandle();
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;

  CURL* get() const { return handle_; }
  template <typename T>
  void Set(CURLoption option, T value) {
    Curl().easy_setopt(handle_, option, value);
  }
  // Appends a header line ("Name: value") to the list sent with the request.
  void AddHeader(const std::string& line);
  // Adds an SMTP recipient ("<address>").
  void AddRecipient(const std::string& address);
  // The MIME structure of the request, made on first use and freed with the handle.
  curl_mime* Mime();
  // Performs the request with the headers and recipients added.
  CURLcode Perform();
  // The last error's text: the detailed message when libcurl gave one.
  std::string ErrorText(CURLcode code) const;

 private:
  CURL* handle_ = nullptr;
  curl_slist* headers_ = nullptr;
  curl_slist* recipients_ = nullptr;
  curl_mime* mime_ = nullptr;
  char error_[CURL_ERROR_SIZE] = {};
};

}  // namespace addio::outbound_internal
