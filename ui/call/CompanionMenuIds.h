#pragma once

#include <wx/defs.h>

namespace cc::ui {

/// The companion window's menu and command ids, shared by its files.
enum MenuId {
    ID_START = wxID_HIGHEST + 1,
    ID_HOLD,
    ID_END,
    ID_DONE,
    ID_TRANSFER,
    ID_SUMMARY,
    ID_SNIPPET,
    ID_ON_TOP,
    ID_PAGE_NOTES,
    ID_PAGE_DETAILS,
    ID_PAGE_TODAY,
    ID_PAGE_SEARCH,
    ID_KB_IMPORT,
    ID_KB_EXPORT,
    ID_PAGE_SCRIPT,
    ID_TRAINING,
    ID_DIFFICULT,
    ID_HISTORY,
    ID_TEAM,
    ID_FLOOR,
    ID_PROPOSALS,
    ID_OPEN_ARCHIVE,
    ID_STATS,
    ID_PROMPT_DONE,
    ID_PROMPT_OPEN,
    ID_PROMPT_BREAK,
    ID_PROMPT_MORE,
};

} // namespace cc::ui
