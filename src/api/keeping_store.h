// A store that keeps what it derives (portfolio lines, portfolio statistics) through the
// connection that watches the data version (StoreVersion::KeepDerived), so that keeping
// them is not taken for a change of the data: the answers made before stay current. Every
// other call goes to the store it wraps.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "api/response_cache.h"
#include "store/store.h"

namespace addio {

class KeepingStore final : public Store {
 public:
  // `version` is not owned; REQUIRES: it outlives this store.
  KeepingStore(std::unique_ptr<Store> store, StoreVersion& version)
      : store_(std::move(store)), version_(version) {}

  using Store::Import;
  Result<ImportReport> Import(const Ledger& incoming, const LedgerSource& source,
                              const std::vector<UnmatchedCredit>& unmatched,
                              bool dry_run) override {
    return store_->Import(incoming, source, unmatched, dry_run);
  }
  Result<std::vector<UnmatchedCredit>> Unmatched() override { return store_->Unmatched(); }
  Result<Payment> Match(const std::string& credit_id, const std::string& invoice_id) override {
    return store_->Match(credit_id, invoice_id);
  }
  Result<Ledger> Load() override { return store_->Load(); }
  Result<Workspace> LoadWorkspace() override { return store_->LoadWorkspace(); }
  Result<std::vector<Client>> Clients() override { return store_->Clients(); }
  Result<std::optional<ClientLedger>> LoadClient(const std::string& id) override {
    return store_->LoadClient(id);
  }
  Result<std::unique_ptr<ClientBatches>> ReadInBatches(size_t readers) override {
    return store_->ReadInBatches(readers);
  }
  Result<std::map<std::string, double>> Settings() override { return store_->Settings(); }
  Status SetSetting(const std::string& name, double value) override {
    return store_->SetSetting(name, value);
  }
  Status SaveWorkspace(const Workspace& workspace) override {
    return store_->SaveWorkspace(workspace);
  }
  Result<bool> ClaimOutbox(const std::vector<std::string>& keys, Instant at,
                           const std::string& detail) override {
    return store_->ClaimOutbox(keys, at, detail);
  }
  Status SettleOutbox(const std::vector<std::string>& keys, Instant at,
                      const std::string& detail) override {
    return store_->SettleOutbox(keys, at, detail);
  }
  Status ReleaseOutbox(const std::vector<std::string>& keys) override {
    return store_->ReleaseOutbox(keys);
  }
  Result<std::vector<OutboxEntry>> Outbox(const std::string& prefix) override {
    return store_->Outbox(prefix);
  }
  Result<KeptRates> LoadRates(CivilDate as_of) override { return store_->LoadRates(as_of); }
  Result<KeptLines> LoadLines(CivilDate as_of) override { return store_->LoadLines(as_of); }
  Result<int64_t> DataVersion() override { return store_->DataVersion(); }
  Result<StoredExtent> Extent() override { return store_->Extent(); }
  Result<RecordTypes> HeldRecordTypes() override { return store_->HeldRecordTypes(); }
  Result<std::vector<TypeCoverage>> Coverage() override { return store_->Coverage(); }

  // Kept through the version's connection.
  Status SaveRates(CivilDate as_of, const RatesTable& table, int64_t seen) override;
  Result<bool> SaveLines(CivilDate as_of,
                         const std::vector<std::pair<std::string, std::string>>& lines,
                         int64_t seen) override;

 private:
  std::unique_ptr<Store> store_;
  StoreVersion& version_;
};

}  // namespace addio
