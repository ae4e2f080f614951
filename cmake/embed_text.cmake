# Writes a header holding a text file as a C++ raw string:
#   cmake -DIN= -DOUT= -DNAME= [-DNAMESPACE=primordial::cli] -P ...
if(NOT NAMESPACE)
  set(NAMESPACE primordial::cli)
endif()
file(READ "${IN}" content)
if(content MATCHES "\\)EMBED\"")
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )EMBED\"")
endif()
file(WRITE "${OUT}" "// Generated from ${IN}; do not edit.\n#pragma once\nnamespace ${NAMESPACE} {\ninline constexpr const char* ${NAME} = R\"EMBED(${content})EMBED\";\n}\n")
