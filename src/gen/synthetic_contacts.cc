// Calls, e-mails, chats and meetings: how often a client gets in touch and at what hours.
#include "gen/client_builder.h"

#include <algorithm>
#include <string>

namespace addio::gen {

Instant ClientBuilder::AfterHoursInstant(CivilDate lo, CivilDate hi) {
  const CivilDate day = DayIn(lo, hi);
  const int kind = rng_.Between(0, 9);
  if (kind >= 8) {  // the weekend after `day`, if it is still in range
    const int weekday = static_cast<int>(day.weekday());
    CivilDate weekend = day.AddDays((5 - weekday + 7) % 7 + rng_.Between(0, 1));
    if (weekend > hi) weekend = weekend.AddDays(-7);
    if (weekend >= lo) return At(weekend, rng_.Between(9 * 12, 20 * 12) * 5);
  }
  switch (kind) {
    case 4:
    case 5:
      return At(day, rng_.Between(22 * 12, 23 * 12 + 11) * 5);  // night
    case 6:
      return At(day, rng_.Between(7 * 12, 8 * 12 + 9) * 5);  // early morning
    case 7:
      return At(day, rng_.Between(13 * 12, 13 * 12 + 10) * 5);  // lunch
    default:
      return At(day, rng_.Between(18 * 12 + 6, 21 * 12 + 11) * 5);  // evening
  }
}

void ClientBuilder::AddContacts() {
  const CivilDate last = std::min(to_, ctx_.last_day);
  const CivilDate first_month = from_.AddDays(1 - from_.day());
  for (CivilDate month = first_month; month <= last; month = month.AddMonths(1)) {
    const CivilDate lo = std::max(month, from_);
    const CivilDate hi = std::min(month.EndOfMonth(), last);
    const int count = habits_.calls_after_hours ? rng_.Between(4, 9) : rng_.Between(0, 3);
    for (int i = 0; i < count; ++i) {
      Contact& contact = out_.contacts.emplace_back();
      contact.client = id_;
      contact.direction = rng_.Chance(habits_.calls_after_hours ? 800 : 650) ? Direction::kInbound
                                                                             : Direction::kOutbound;
      // American clients write in their afternoon: the evening in Italy.
      const bool after_hours = habits_.calls_after_hours ? rng_.Chance(550)
                               : american_               ? rng_.Chance(300)
                                                         : rng_.Chance(40);
      contact.at = after_hours ? AfterHoursInstant(lo, hi) : WorkingInstant(lo, hi);
      const int channel = rng_.Between(0, 99);
      if (channel < 35) {
        contact.channel = Channel::kCall;
        contact.minutes = rng_.Between(5, 30);
      } else if (channel < 70) {
        contact.channel = Channel::kEmail;
        contact.minutes = rng_.Between(3, 10);
      } else if (channel < 85) {
        contact.channel = Channel::kChat;
        contact.minutes = rng_.Between(2, 15);
      } else if (channel < 92) {
        contact.channel = Channel::kSms;
        contact.minutes = 1;
      } else {
        contact.channel = Channel::kMeeting;
        contact.minutes = rng_.Between(3, 9) * 10;
        contact.logged = rng_.Chance(500);
      }
      contact.urgent =
          after_hours && habits_.calls_after_hours ? rng_.Chance(600) : rng_.Chance(30);
    }
  }
  std::stable_sort(out_.contacts.begin(), out_.contacts.end(),
                   [](const Contact& a, const Contact& b) { return a.at < b.at; });
  for (size_t i = 0; i < out_.contacts.size(); ++i) {
    out_.contacts[i].id = Id("m", static_cast<int>(i) + 1, 4);
  }
}

}  // namespace addio::gen
