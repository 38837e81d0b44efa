#pragma once

#ifdef _WIN32
#include <windows.h>
#endif

namespace cc::test {

/// Whether the tests run under Wine rather than Windows. Wine cannot keep a file's access list: it
/// maps one to Unix permission bits and reports a list of its own making, so what an access list
/// promises is checked on Windows alone (the README says what Wine cannot prove).
inline bool underWine() {
#ifdef _WIN32
    const HMODULE ntdll = ::GetModuleHandleW(L"ntdll.dll");
    return ntdll && ::GetProcAddress(ntdll, "wine_get_version");
#else
    return false;
#endif
}

} // namespace cc::test
