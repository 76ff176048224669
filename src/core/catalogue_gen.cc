// catalogue_gen ROOT OUT: the build step that turns the catalogue's data files
// (ROOT/<lang>/*.json) into OUT, a C++ source defining addio::CatalogueEntriesOf: per
// language, every entry as string literals, sorted by key. The program then reads its
// words without parsing anything. A malformed file, an entry that is neither a string nor
// {"one", "other"}, or a key twice in one language fails the build with the file named.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Entry {
  std::string key;
  std::string file;
  std::string one;
  std::string other;
  bool plural = false;
};

// `text` as a C++ string literal: quotes, backslashes and control bytes escaped; the
// bytes of UTF-8 kept as they are. A literal is split after an octal escape so that a
// following digit is not read as part of it.
std::string Literal(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\%03o\"\"", byte);
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every entry of one language's files, by key. Throws std::runtime_error naming the file.
std::vector<Entry> ReadLanguage(const fs::path& dir, const std::string& lang) {
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir)) {
    if (item.path().extension() == ".json") files.push_back(item.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, Entry> entries;
  for (const fs::path& path : files) {
    const std::string name = lang + "/" + path.filename().string();
    nlohmann::json json;
    try {
      json = nlohmann::json::parse(ReadFile(path));
    } catch (const nlohmann::json::exception& e) {
      throw std::runtime_error(path.string() + ": " + e.what());
    }
    if (!json.is_object()) throw std::runtime_error(path.string() + ": not a JSON object");
    for (const auto& [key, value] : json.items()) {
      Entry entry{.key = key, .file = name};
      if (value.is_object() && value.size() == 2 && value.contains("one") &&
          value.contains("other") && value["one"].is_string() && value["other"].is_string()) {
        entry.plural = true;
        entry.one = value["one"].get<std::string>();
        entry.other = value["other"].get<std::string>();
      } else if (value.is_string()) {
        entry.other = value.get<std::string>();
      } else {
        throw std::runtime_error(path.string() + ": " + key +
                                 ": neither a string nor {\"one\", \"other\"}");
      }
      if (!entries.emplace(key, std::move(entry)).second) {
        throw std::runtime_error(path.string() + ": duplicate key " + key);
      }
    }
  }
  std::vector<Entry> sorted;
  for (auto& [key, entry] : entries) sorted.push_back(std::move(entry));
  return sorted;
}

std::string Source(const std::map<std::string, std::vector<Entry>>& languages) {
  std::string out =
      "// Generated from src/report/i18n by catalogue_gen; do not edit.\n"
      "#include \"core/catalogue_data.h\"\n\nnamespace addio {\nnamespace {\n\n";
  for (const auto& [lang, entries] : languages) {
    // The language's texts, each once, one after the other; the entries point into them.
    std::string text;
    std::map<std::string, size_t> placed;
    std::string table;
    const auto piece = [&text, &placed](const std::string& value) {
      const auto [it, added] = placed.emplace(value, text.size());
      if (added) text += value;
      return std::to_string(it->second) + ", " + std::to_string(value.size());
    };
    for (const Entry& e : entries) {
      table += "    {" + piece(e.key) + ", " + piece(e.file) + ", " + piece(e.one) + ", " +
               piece(e.other) + ", " + (e.plural ? "true" : "false") + "},\n";
    }
    out += "constexpr char k_" + lang + "_text[] =\n";
    // In lines of about 96 bytes, never inside a UTF-8 character.
    for (size_t at = 0; at < text.size();) {
      size_t end = std::min(at + 96, text.size());
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      out += "    " + Literal(text.substr(at, end - at)) + "\n";
      at = end;
    }
    out += "    \"\";\n\n";
    out += "constexpr CatalogueEntryData k_" + lang + "[] = {\n" + table + "};\n\n";
  }
  out += "}  // namespace\n\nCatalogueTable CatalogueEntriesOf(std::string_view lang) {\n";
  for (const auto& [lang, entries] : languages) {
    out += "  if (lang == \"" + lang + "\") return {k_" + lang + ", {k_" + lang +
           "_text, sizeof k_" + lang + "_text - 1}};\n";
  }
  out += "  return {};\n}\n\n}  // namespace addio\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: catalogue_gen ROOT OUT\n";
    return 2;
  }
  const fs::path root = argv[1];
  const fs::path out = argv[2];
  try {
    std::map<std::string, std::vector<Entry>> languages;
    for (const auto& item : fs::directory_iterator(root)) {
      if (!item.is_directory()) continue;
      const std::string lang = item.path().filename().string();
      languages[lang] = ReadLanguage(item.path(), lang);
    }
    const fs::path temporary = out.string() + ".tmp";
    {
      std::ofstream file(temporary, std::ios::binary);
      file << Source(languages);
      if (!file) throw std::runtime_error(temporary.string() + ": cannot write");
    }
    fs::rename(temporary, out);
  } catch (const std::exception& e) {
    std::cerr << "catalogue_gen: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
