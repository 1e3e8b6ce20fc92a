# Every target links retrain_options, so the project's compile rules live in one place.
add_library(retrain_options INTERFACE)
target_compile_features(retrain_options INTERFACE cxx_std_17)
target_compile_options(retrain_options INTERFACE
  -Wall -Wextra -Wpedantic -Wno-unused-parameter
  $<$<BOOL:${RETRAIN_WERROR}>:-Werror>)
target_compile_definitions(retrain_options INTERFACE
  # LibTorch declares members named slots(); Qt's keyword macros would break its headers.
  QT_NO_KEYWORDS
  QT_NO_CAST_FROM_ASCII
  QT_USE_QSTRINGBUILDER
  RETRAIN_VERSION="${PROJECT_VERSION}")
option(RETRAIN_WERROR "Treat warnings as errors" OFF)
