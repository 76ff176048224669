# cmake -DROOT=dir -DOUT=file.cc -P embed_catalogue.cmake: writes every ROOT/<lang>/*.json
# as an entry of addio::CatalogueFiles() (raw string literals; a file must not contain the
# delimiter).
file(GLOB files RELATIVE ${ROOT} ${ROOT}/*/*.json)
list(SORT files)
set(body "")
foreach(rel ${files})
  file(READ ${ROOT}/${rel} text)
  string(FIND "${text}" ")addio_words\"" found)
  if(NOT found EQUAL -1)
    message(FATAL_ERROR "${ROOT}/${rel} contains the raw string delimiter")
  endif()
  get_filename_component(dir ${rel} DIRECTORY)
  get_filename_component(name ${rel} NAME)
  string(APPEND body "    {\"${dir}\", \"${name}\", R\"addio_words(${text})addio_words\"},\n")
endforeach()
file(WRITE ${OUT}.tmp "// Generated from src/report/i18n by embed_catalogue.cmake; do not edit.\n"
  "#include \"core/catalogue_data.h\"\n\nnamespace addio {\n\n"
  "std::span<const CatalogueFile> CatalogueFiles() {\n"
  "  static const CatalogueFile kFiles[] = {\n${body}  };\n  return kFiles;\n}\n\n"
  "}  // namespace addio\n")
file(RENAME ${OUT}.tmp ${OUT})
