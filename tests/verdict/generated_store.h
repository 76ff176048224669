// A fixture for the tests of what is read from the store: a fresh SQLite file in a
// temporary folder of its own, holding a generated ledger of 40 clients over 14 months
// (seed 11), and Import to add records to it.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <memory>
#include <string>

#include "gen/generator.h"
#include "store/store.h"

namespace addio {

class GeneratedStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("addio_generated_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto store = OpenStore((dir_ / "addio.db").string(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(store) << store.error().message.In(Lang::kEn);
    store_ = std::move(*store);
    GeneratorOptions options;
    options.clients = 40;
    options.months = 14;
    options.seed = 11;
    auto ledger = GenerateLedger(options);
    ASSERT_TRUE(ledger);
    Import(*ledger);
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Import(const Ledger& records) {
    auto report = store_->Import(records, LedgerSource{}, false);
    ASSERT_TRUE(report);
    ASSERT_TRUE(report->ok()) << report->diagnostics.ToString();
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace addio
