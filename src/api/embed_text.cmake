# cmake -DIN=file -DOUT=file.cc -P embed_text.cmake: writes IN as the string returned by
# addio::OpenApiJson() (a raw string literal; IN must not contain the delimiter).
file(READ ${IN} text)
string(FIND "${text}" ")addio_json\"" found)
if(NOT found EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter")
endif()
file(WRITE ${OUT}.tmp "// Generated from src/api/openapi.json by embed_text.cmake; do not edit.\n"
  "#include \"api/server.h\"\n\nnamespace addio {\n\n"
  "std::string_view OpenApiJson() {\n  return R\"addio_json(${text})addio_json\";\n}\n\n"
  "}  // namespace addio\n")
file(RENAME ${OUT}.tmp ${OUT})
