# Cross-building Call Companion for 64-bit Windows with Debian's MinGW-w64 (posix threads), against the
# static libraries installer/windows/deps.sh builds from Debian's source packages. CC_WIN_PREFIX names
# that prefix (deps.sh prints it).
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CC_WIN_HOST x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${CC_WIN_HOST}-gcc-posix)
set(CMAKE_CXX_COMPILER ${CC_WIN_HOST}-g++-posix)
set(CMAKE_RC_COMPILER ${CC_WIN_HOST}-windres)
set(CMAKE_AR ${CC_WIN_HOST}-ar)
set(CMAKE_RANLIB ${CC_WIN_HOST}-ranlib)

if(NOT CC_WIN_PREFIX)
  set(CC_WIN_PREFIX "$ENV{CC_WIN_PREFIX}")
endif()
if(NOT CC_WIN_PREFIX)
  message(FATAL_ERROR "CC_WIN_PREFIX: the prefix installer/windows/deps.sh printed")
endif()
# Passed on to try_compile projects.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CC_WIN_PREFIX)

# Only MinGW's own root and the prefix: never this machine's /usr/include or its libraries.
set(CMAKE_FIND_ROOT_PATH /usr/${CC_WIN_HOST} ${CC_WIN_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
set(ENV{PKG_CONFIG_LIBDIR} "${CC_WIN_PREFIX}/lib/pkgconfig")
set(ENV{PKG_CONFIG_PATH} "")
set(ENV{PKG_CONFIG_SYSROOT_DIR} "")
set(wxWidgets_CONFIG_EXECUTABLE "${CC_WIN_PREFIX}/bin/wx-config")
# The prefix as CMake sees it: wx-config would print the one it was built in, which CMake's find root
# refuses when the cache is reached by another path.
set(wxWidgets_CONFIG_OPTIONS "--prefix=${CC_WIN_PREFIX}")

# One .exe with no DLLs beside it: libstdc++, winpthread and zlib linked in.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static")
# The tests and the app run under Wine in CI: no console window pops, none is needed.
set(CMAKE_CROSSCOMPILING_EMULATOR wine)
