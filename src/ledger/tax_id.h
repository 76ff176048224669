// Tax ids (VAT numbers, fiscal codes) compared as one business is identified by them:
// e-invoices, bank statements and the workspace itself name parties by their tax id.
#pragma once

#include <string>
#include <string_view>

namespace addio {

// The canonical form of a tax id: its letters and digits, upper case, with the country
// prefix: "IT01234567890" for "it 0123.456.7890", or for "01234567890" with `country`
// "IT". A prefix is two letters followed by a digit (Austria's "ATU" too); an Italian
// fiscal code such as "RSSMRA80A01H501U" starts with letters but carries none, so it takes
// `country`'s. Without `country` an unprefixed id stays unprefixed. Empty for no letters
// or digits.
std::string TaxKey(std::string_view tax_id, std::string_view country);

// True when `key` (a TaxKey) can be a tax id: 4 to 32 letters and digits, at least one a
// digit. What each country allows is not checked.
bool PlausibleTaxKey(std::string_view key);

}  // namespace addio
