// Who a source's record belongs to. Time trackers name clients ("ACME Inc."), e-invoices
// and bank statements identify them by VAT number or fiscal code, mail by address and
// domain. The resolver maps each to a client id: an existing client of the store (by id,
// tax id, e-mail, domain, or normalised name), a mapping file's rename or merge, or a new
// client it creates (unless creation is off, then it reports an error).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/result.h"
#include "ledger/records.h"

namespace addio {

class ClientResolver {
 public:
  // `existing`: the stored ledger (read only, must outlive the resolver).
  // `create`: whether unknown names become new clients.
  ClientResolver(const Ledger& existing, bool create);

  // Loads renames and merges from a TOML file: a [clients] table of
  // "name as in the source" = "client id". Error kParse naming the file and line.
  Status LoadMapping(const std::string& toml_path);

  // The client id for a display name from a source. Matching ignores case, accents,
  // punctuation and legal suffixes ("S.r.l.", "Ltd", "GmbH", "Inc."), so "ACME srl" and
  // "Acme S.R.L." are one client. Unknown and creation on: a new Client (id from the
  // name: lowercase ASCII words joined by '-', made unique) is recorded in NewClients().
  // Unknown and creation off: nullopt (the caller reports it with its location).
  std::optional<std::string> ByName(const std::string& name);

  // By VAT number or fiscal code ("IT01234567890", "01234567890" with `country` "IT").
  // Creation on: a new client named `name` with that tax id. Else nullopt.
  std::optional<std::string> ByTaxId(const std::string& tax_id, const std::string& country,
                                     const std::string& name);

  // By e-mail address (exact, case-insensitive) or its domain; never creates.
  std::optional<std::string> ByEmail(const std::string& address) const;

  // Clients created so far, in creation order.
  const std::vector<Client>& NewClients() const { return created_; }

 private:
  const Ledger& existing_;
  bool create_;
  std::map<std::string, std::string> by_key_;   // normalised name or tax id -> client id
  std::map<std::string, std::string> mapping_;  // normalised source name -> client id
  std::vector<Client> created_;
};

// "acme" for "ACME S.r.l.": the matching key of a company or person name.
std::string NormalizeClientName(const std::string& name);

}  // namespace addio
