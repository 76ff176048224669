#include "act/ladder.h"

#include "verdict/assessment.h"

namespace addio {

std::vector<DunningStep> BuiltInLadder(std::string_view type) {
  constexpr auto kReminder = DunningAction::kReminder;
  constexpr auto kNotice = DunningAction::kFormalNotice;
  constexpr auto kStop = DunningAction::kStopWork;
  constexpr auto kEmail = DunningChannel::kEmail;
  constexpr auto kManual = DunningChannel::kManual;
  if (type == "partner") {
    return {{7, kReminder, kEmail},
            {21, kReminder, kEmail},
            {45, kNotice, kEmail},
            {60, kStop, kManual}};
  }
  if (type == "slow_payer" || type == "non_payer") {
    return {{1, kReminder, kEmail}, {15, kNotice, kEmail}, {30, kStop, kManual}};
  }
  return {
      {3, kReminder, kEmail}, {15, kReminder, kEmail}, {30, kNotice, kEmail}, {45, kStop, kManual}};
}

LadderChoice LadderFor(const Workspace& workspace, std::string_view type) {
  if (const auto own = workspace.dunning.find(std::string(type)); own != workspace.dunning.end()) {
    return {own->second, std::string(type)};
  }
  if (const auto fallback = workspace.dunning.find(std::string(kDefaultLadder));
      fallback != workspace.dunning.end()) {
    return {fallback->second, std::string(kDefaultLadder)};
  }
  return {BuiltInLadder(type), ""};
}

bool IsSentByMail(const DunningStep& step) {
  return step.action != DunningAction::kStopWork && step.channel == DunningChannel::kEmail;
}

Status CheckLadderNames(const Workspace& workspace) {
  for (const auto& [name, steps] : workspace.dunning) {
    if (name == kDefaultLadder || ParseArchetype(name)) continue;
    std::string valid(kDefaultLadder);
    for (Archetype type : AllArchetypes()) valid += ", " + ArchetypeKey(type);
    return Fail(ErrorCode::kValidation, Msg("dunning.unknown_ladder", name, valid));
  }
  return {};
}

}  // namespace addio
