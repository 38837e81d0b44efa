#pragma once

#include "app/BackgroundJob.h"
#include "sync/ServerConfig.h"
#include "sync/TeamKnowledge.h"

#include <atomic>
#include <vector>
#include <wx/frame.h>

class wxButton;
class wxHtmlWindow;
class wxListView;
class wxStaticText;

namespace cc::ui {

/// The knowledge proposals of a lead's team: each new or changed entry an agent saved, what it changes,
/// and Approve (Alt+A) or Reject (Alt+R). Approved, the entry reaches every companion of the team. The
/// server is asked off the UI thread; F5 reads the list again.
class ProposalsFrame : public wxFrame {
public:
    ProposalsFrame(wxWindow* parent, const ServerConfig& config);
    ~ProposalsFrame() override;

private:
    void reload();
    void showList(std::vector<KnowledgeProposal> proposals);
    void showSelected();
    void decide(bool approve);
    int selected() const;
    /// The status line at the foot, wrapped to the window's width.
    void say(const wxString& text);

    ServerConfig config_;
    wxListView* list_;
    wxHtmlWindow* detail_;
    wxButton* approve_;
    wxButton* reject_;
    wxStaticText* status_;
    std::vector<KnowledgeProposal> proposals_;
    std::atomic<bool> stop_{false};
    BackgroundTask task_;
};

} // namespace cc::ui
