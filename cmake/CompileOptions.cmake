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

# AddressSanitizer + UndefinedBehaviorSanitizer over our own code (tools/sanitize.sh runs the
# test suite so). LibTorch, Qt and OpenCV stay uninstrumented, as Debian ships them.
option(RETRAIN_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(RETRAIN_SANITIZE)
  target_compile_options(retrain_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                   -fno-sanitize-recover=undefined)
  target_link_options(retrain_options INTERFACE -fsanitize=address,undefined)
endif()
