// `addio match`: the bank credits an import could not match to an invoice wait in the
// store (Store::Unmatched); `addio match --list` shows them and
// `addio match PAYMENT INVOICE` books one as a payment of that invoice (Store::Match).
#pragma once

#include <string>

#include "cli/commands.h"

namespace addio::cli {

// Books the unmatched credit `payment` as a payment of invoice `invoice` and prints what
// it did. Returns the exit status: 0 on success, 2 when an id is missing, ExitCode of the
// store's error otherwise (4 when the credit or the invoice is unknown).
int Match(const Common& common, const std::string& payment, const std::string& invoice);

// Prints the unmatched credits, oldest first, with how to assign one. Returns 0, or the
// ExitCode of the store's error.
int MatchList(const Common& common);

}  // namespace addio::cli
