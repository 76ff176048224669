// Who the generated clients are: a name that reads like a real business or person of
// its country ("Rossi Costruzioni S.r.l.", "Hofmann Medien GmbH", "Northwind Labs Inc."),
// a tax id in that country's shape (an Italian partita IVA with a valid check digit, a
// French VAT number with its key), a web domain and an e-mail address. Drawn from the
// caller's Rng, so a client's identity is as deterministic as the rest of its records.
#pragma once

#include <string>
#include <string_view>

#include "gen/random.h"
#include "ledger/records.h"

namespace addio::gen {

enum class Country { kItaly, kGermany, kFrance, kUnitedStates, kUnitedKingdom, kSwitzerland };

// ISO 3166 alpha-2: "IT", "DE", "FR", "US", "GB", "CH".
const char* CountryCode(Country country);

struct Identity {
  std::string name;
  ClientKind kind = ClientKind::kCompany;
  std::string tax_id;  // empty for US clients (no VAT number)
  std::string domain;  // empty for individuals
  std::string email;
};

// A company, or when `individual` is true a person working on their own account.
Identity MakeIdentity(Rng& rng, Country country, bool individual);

// An Italian partita IVA: "IT" and 11 digits whose last is the Luhn check digit.
std::string ItalianVatNumber(Rng& rng);
// The same from its first ten digits (company number and office code).
// REQUIRES: `first_ten` is ten ASCII digits.
std::string ItalianVatNumber(std::string_view first_ten);

// Lowercase ASCII letters and digits of `text`, accents folded ("Müller Bau" -> "mullerbau").
std::string Slug(std::string_view text);

}  // namespace addio::gen
