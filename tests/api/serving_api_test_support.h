// A real ApiServer serving on a thread of its own, for the tests that speak HTTP to it
// over a loopback port (server_guard_test, server_cache_test, http_reactor_test).
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <utility>

#include "api/server.h"

namespace addio {

class ServingApi {
 public:
  ServingApi() = default;
  ~ServingApi() { Stop(); }
  ServingApi(const ServingApi&) = delete;
  ServingApi& operator=(const ServingApi&) = delete;

  // Binds `options` (port 0: any free one) and serves them until Stop; fails the test
  // when the address cannot be bound. Returns once Listen serves: a Stop before it has
  // started would be lost, and Stop would wait for ever.
  void Start(ServeOptions options) {
    server_ = std::make_unique<ApiServer>(std::move(options));
    auto port = server_->Bind();
    ASSERT_TRUE(port) << port.error().message.In(Lang::kEn);
    port_ = *port;
    listener_ = std::thread([this] { (void)server_->Listen(); });
    for (int i = 0; i < 10000 && !server_->running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_TRUE(server_->running());
  }

  // Stops serving and joins the thread; nothing when not serving.
  void Stop() {
    if (listener_.joinable()) {
      server_->Stop();
      listener_.join();
    }
  }

  ApiServer& server() { return *server_; }  // REQUIRES: Start was called
  int port() const { return port_; }

 private:
  std::unique_ptr<ApiServer> server_;
  std::thread listener_;
  int port_ = 0;
};

}  // namespace addio
