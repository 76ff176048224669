// What the mail importers (mbox.cc, eml.cc) share, and the address book the calendar
// importer (ics.cc) shares with them. A message becomes one Contact (channel email,
// minutes 0, logged false): outbound when it is from one of workspace.owner_emails,
// inbound otherwise; its client is the first counterpart address (the sender of an inbound
// message, the To/Cc/Bcc recipients of an outbound one) that ClientResolver::ByEmail knows
// by a client's `emails` or `domains`. Addresses that match no client are counted and
// listed for review, never invented as clients.
//
// Only the header block of a message is read, line by line: a mailbox of a gigabyte is
// streamed, never held in memory, and bodies are skipped.
#pragma once

#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "core/time.h"
#include "ingest/client_resolver.h"
#include "ingest/ingest.h"

namespace addio::mail {

// "ann@acme.com" for "mailto:Ann@ACME.com", "<ann@acme.com>" or " ann@acme.com ":
// lowercase, without a mailto: scheme, angle brackets or quotes. Empty when there is no
// '@' with text on both sides.
std::string NormalizeAddress(std::string_view text);

// The freelancer's own addresses and the clients' ones, with what matched no client.
// Not thread-safe (it remembers lookups).
class AddressBook {
 public:
  explicit AddressBook(const Workspace& workspace);

  // Whether `address` (normalised) is one of workspace.owner_emails.
  bool IsOwner(const std::string& address) const { return owners_.contains(address); }
  bool has_owners() const { return !owners_.empty(); }

  // The client of the first address in `addresses` (normalised) that is not the owner's
  // and that `resolver` knows. When none is known, every non-owner address is counted
  // once as unknown (or the record as having none) and the result is nullopt.
  std::optional<std::string> Resolve(const ClientResolver& resolver,
                                     const std::vector<std::string>& addresses);

  // Review lines, each prefixed "<format>: ": how many records (`counted`, the key of a
  // plural entry of a count such as ingest.count.meetings, "3 meetings") matched no client
  // and the ten most frequent unknown addresses with their counts; how many had no address
  // but the owner's; and a note when owner_emails is empty. Empty when everything matched.
  std::vector<Message> UnknownReview(const std::string& format, const char* counted) const;

 private:
  std::set<std::string> owners_;
  std::unordered_map<std::string, std::optional<std::string>> known_;  // address -> client
  std::map<std::string, int> unknown_;  // address -> records it was the counterpart of
  int unknown_records_ = 0;
  int records_without_address_ = 0;
};

// An RFC 5322 Date ("Tue, 8 May 2001 12:10:32 -0700 (PDT)"), with the obsolete forms real
// mail carries: no weekday, two-digit years, no seconds, zone names (UT, GMT, EST ... PDT,
// CET, CEST), comments and folding. Error kInvalidArgument saying what is wrong: no
// time zone, an unknown month or zone, a time or day out of range, a year before 1900
// or after 2999.
Result<Instant> ParseMailDate(std::string_view text);

// The date of an mbox separator line, "From sender Mon Apr 18 14:20:55 2022" (UTC unless
// the line carries an offset). nullopt when the line is no separator.
std::optional<Instant> ParseSeparatorDate(std::string_view line);

// A file read line by line through a fixed buffer, whatever its size. Lines come without
// their CR LF or LF.
class LineReader {
 public:
  explicit LineReader(const std::string& path);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool ok() const { return file_ != nullptr; }
  // The next line, valid until the next call; false at the end of the file.
  bool Next(std::string_view& line);
  // The 1-based number of the line last returned.
  int line() const { return line_; }

 private:
  std::FILE* file_ = nullptr;
  std::string buffer_;
  size_t pos_ = 0;
  bool eof_ = false;
  int line_ = 0;
};

struct HeaderField {
  std::string name;   // as written
  std::string value;  // unfolded, raw (encoded words not decoded)
  int line = 0;
};

// The header block of one message.
struct MessageHeader {
  std::vector<HeaderField> fields;
  std::string raw;     // the block as read, LF line ends: the content of a content id
  int first_line = 0;  // the line of its first field
  // The first field named `name`, case-insensitive; nullptr when absent.
  const HeaderField* Find(std::string_view name) const;
};

// Collects a header block from lines fed one at a time.
class HeaderBuilder {
 public:
  // Feeds the line numbered `line_number`. Returns false for the blank line that ends
  // the block (not added). A line that is neither "Name: value" nor a continuation is
  // ignored, as mail readers do.
  bool Feed(std::string_view line, int line_number);
  // The block so far, leaving the builder empty for the next message.
  MessageHeader Take();

 private:
  MessageHeader header_;
};

// Turns message headers into contacts of `result`, with their locations, preview rows,
// diagnostics and review lines.
class MessageCollector {
 public:
  // `format` is "mbox" or "eml"; `context.existing` must outlive the collector.
  MessageCollector(std::string format, const IngestContext& context, IngestResult& result);

  // Adds message number `number` (1-based in an mbox; 0 for a lone .eml) of `file`.
  // `separator_date`: the date of the mbox "From " line before it, used with a warning
  // when the Date header is missing or broken; without it that is an error naming the
  // file, line and message.
  void Add(const std::string& file, int number, const MessageHeader& header,
           std::optional<Instant> separator_date);

  // Adds the review lines; call once after the last message.
  void Finish();

 private:
  std::string format_;
  IngestResult& result_;
  ClientResolver resolver_;
  AddressBook book_;
  std::set<std::string> ids_;
  int duplicates_ = 0;
};

}  // namespace addio::mail
