// Reading XML sources (FatturaPA, ISO 20022 camt) by local element names. Both formats
// reach us with whatever namespace prefix the producing software chose ("p:", "ns2:",
// a default namespace, none at all), so elements are found by the name after the colon.
// Also where an element is, for messages: its line in the text and its element path
// ("FatturaElettronica/FatturaElettronicaBody[2]/DatiGenerali"). Internal to src/ingest/.
#pragma once

#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace addio::xml {

// The name of `node` without its namespace prefix: "Numero" for "p:Numero".
std::string_view LocalName(const pugi::xml_node& node);

// The first child element of `node` named `name` (local name); empty when none.
pugi::xml_node Child(const pugi::xml_node& node, std::string_view name);

// Follows `path`, local names separated by '/' ("DatiGenerali/DatiGeneraliDocumento");
// empty when a step is missing. The first match is taken at each step.
pugi::xml_node Find(const pugi::xml_node& node, std::string_view path);

// Every child element of `node` named `name`, in document order.
std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view name);

// Every element below `node` (at any depth, `node` excluded) named `name`.
std::vector<pugi::xml_node> Descendants(const pugi::xml_node& node, std::string_view name);

// The text of `node` with surrounding white space removed; "" for an empty node.
std::string Text(const pugi::xml_node& node);

// Text(Find(node, path)).
std::string TextAt(const pugi::xml_node& node, std::string_view path);

// Maps byte offsets of the parsed text to 1-based line numbers.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The line of `node`'s start tag; 0 when unknown.
  int LineOf(const pugi::xml_node& node) const;

 private:
  std::vector<size_t> line_starts_;
};

// "Document/BkToCstmrStmt/Stmt[2]/Ntry[5]": local names from the root, with a 1-based
// index where a parent has several children of that name.
std::string PathOf(const pugi::xml_node& node);

}  // namespace addio::xml
