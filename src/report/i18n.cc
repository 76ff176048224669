#include "report/i18n.h"

namespace addio {

std::string VerdictName(Verdict verdict, Lang lang) {
  return Tr(std::string("verdict.") + VerdictKey(verdict), lang);
}
std::string ArchetypeName(Archetype archetype, Lang lang) {
  return Tr(std::string("archetype.") + ArchetypeKey(archetype), lang);
}
std::string SignTitle(const SignDefinition* sign, Lang lang) {
  return Tr(std::string("sign.") + SignKey(sign), lang);
}
std::string SignShort(const SignDefinition* sign, Lang lang) {
  return Tr(std::string("sign_short.") + SignKey(sign), lang);
}
std::string LevelName(Level level, Lang lang) {
  return Tr(std::string("level.") + LevelKey(level), lang);
}
std::string MetricLabel(std::string_view metric, Lang lang) {
  return Tr("metric." + std::string(metric), lang);
}

}  // namespace addio
