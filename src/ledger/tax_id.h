// Tax ids (VAT numbers, fiscal codes) compared as one business is identified by them:
// e-invoices, bank statements and the workspace itself name parties by their tax id.
#pragma once

#include <optional>
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

// A tax id as the workspace keeps it, written by a person (`addio init --tax-id`, the
// dashboard): a VAT number or fiscal code with its country prefix ("IT01234567890"),
// spaces removed and letters in upper case. Nullopt unless it is two letters then 2 to 28
// letters or digits (ASCII).
std::optional<std::string> NormalizedTaxId(std::string_view text);

}  // namespace addio
