#include "ingest/xml_local.h"

#include <algorithm>
#include <cstring>

namespace addio::xml {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string Trim(std::string_view text) {
  size_t begin = 0, end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

void CollectDescendants(const pugi::xml_node& node, std::string_view name,
                        std::vector<pugi::xml_node>& out) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == name) out.push_back(child);
    CollectDescendants(child, name, out);
  }
}

}  // namespace

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) return child;
  }
  return {};
}

pugi::xml_node Find(const pugi::xml_node& node, std::string_view path) {
  pugi::xml_node current = node;
  while (!path.empty() && current) {
    const size_t slash = path.find('/');
    current = Child(current, path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return current;
}

std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == name) out.push_back(child);
  }
  return out;
}

std::vector<pugi::xml_node> Descendants(const pugi::xml_node& node, std::string_view name) {
  std::vector<pugi::xml_node> out;
  CollectDescendants(node, name, out);
  return out;
}

std::string Text(const pugi::xml_node& node) { return Trim(node.child_value()); }

std::string TextAt(const pugi::xml_node& node, std::string_view path) {
  return Text(Find(node, path));
}

LineIndex::LineIndex(std::string_view text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts_.push_back(i + 1);
  }
}

int LineIndex::LineOf(const pugi::xml_node& node) const {
  const ptrdiff_t offset = node.offset_debug();
  if (offset < 0) return 0;
  // The offset points at the name; the line is the last line start at or before it.
  const auto it =
      std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<size_t>(offset));
  return static_cast<int>(it - line_starts_.begin());
}

std::string PathOf(const pugi::xml_node& node) {
  std::vector<std::string> steps;
  for (pugi::xml_node current = node; current && current.type() == pugi::node_element;
       current = current.parent()) {
    std::string step(LocalName(current));
    const pugi::xml_node parent = current.parent();
    if (parent && parent.type() == pugi::node_element) {
      int index = 0, count = 0;
      for (pugi::xml_node sibling = parent.first_child(); sibling;
           sibling = sibling.next_sibling()) {
        if (sibling.type() != pugi::node_element || LocalName(sibling) != step) continue;
        ++count;
        if (sibling == current) index = count;
      }
      if (count > 1) step += "[" + std::to_string(index) + "]";
    }
    steps.push_back(std::move(step));
  }
  std::string path;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if (!path.empty()) path += '/';
    path += *it;
  }
  return path;
}

}  // namespace addio::xml
