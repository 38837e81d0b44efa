#include "scripts/ScriptPanel.h"

#include "app/ScrollIntoView.h"
#include "core/Format.h"

#include <algorithm>
#include <fmt/format.h>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textwrapper.h>
#include <wx/wrapsizer.h>

namespace cc::ui {

namespace {
constexpr std::size_t kBranchesBelow = 4; // more than this many answers scroll with the step's text

/// A checkbox label cannot wrap itself: the line breaks go in at the width there is.
wxString wrapped(wxWindow* window, const wxString& text, int width) {
    class Wrapper : public wxTextWrapper {
    public:
        wxString out;
        void OnOutputLine(const wxString& line) override { out += line; }
        void OnNewLine() override { out += '\n'; }
    } wrapper;
    wrapper.Wrap(window, text, std::max(width, 60));
    return wrapper.out;
}
} // namespace

ScriptPanel::ScriptPanel(wxWindow* parent, const ScriptLibrary& scripts, const PracticeLibrary& practice,
                         ScriptEvents events)
    : wxPanel(parent, wxID_ANY), scripts_(scripts), practice_(practice), events_(std::move(events)) {
    picker_ = new wxChoice(this, wxID_ANY);
    picker_->SetName(_("Script"));
    picker_->SetToolTip(_("The script for this type of call; you can switch mid-call"));
    fillPicker();
    picker_->Bind(wxEVT_CHOICE, [this](wxCommandEvent& e) { pickIndex(e.GetSelection()); });

    // A long step with its coaching and checklist scrolls; the buttons below it stay in sight.
    content_ = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    content_->SetScrollRate(0, FromDIP(10));
    stage_ = new wxStaticText(content_, wxID_ANY, wxString());
    stage_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    say_ = new wxStaticText(content_, wxID_ANY, _("Pick the script for this call type above."));
    say_->SetFont(say_->GetFont().Scaled(1.15f));
    say_->SetName(_("The line to say now"));
    coaching_ = new wxStaticText(content_, wxID_ANY, wxString());
    coaching_->SetFont(coaching_->GetFont().Italic());
    coaching_->SetForegroundColour(wxColour(0x2E, 0x6B, 0x30));
    coaching_->SetName(_("Coaching note"));
    question_ = new wxStaticText(content_, wxID_ANY, wxString());
    question_->SetFont(question_->GetFont().Bold());
    checklist_ = new wxBoxSizer(wxVERTICAL);
    // Branches wrap onto more lines rather than run off the side of a narrow window.
    branches_ = new wxWrapSizer(wxHORIZONTAL);
    // One answer a line: a wrapping row inside the scrolled text told the scroll area one row's height,
    // and the rest of a five-answer menu could not be scrolled to.
    branchesInText_ = new wxBoxSizer(wxVERTICAL);

    back_ = new wxButton(this, wxID_ANY, _("&Back"));
    back_->SetToolTip(_("The previous step (Alt+B)"));
    next_ = new wxButton(this, wxID_ANY, _("Ne&xt"));
    next_->SetToolTip(_("The next step of the script (Alt+X)"));
    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (runner_ && runner_->back()) moved();
    });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (runner_ && runner_->next()) moved();
    });

    practiceButton_ = new wxButton(this, wxID_ANY, _("Start a &practice call"));
    practiceButton_->SetToolTip(
        _("Rehearse this script with a simulated customer; practice calls stay out of your stats"));
    practiceButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (!runner_) return;
        for (const auto& p : practice_.scenarios())
            if (p.script == runner_->script().id) {
                // Each practice call starts from the customer's first line.
                run_ = std::make_unique<PracticeRun>(p, runner_->script());
                startingPractice_ = true;
                events_.startPractice(p);
                startingPractice_ = false;
                run_->reached(runner_->current().id);
                nextPracticeLine();
                return;
            }
    });
    // What the customer said comes first in the step's scrolling text: it is what the step answers,
    // and the step keeps the room it needs.
    customer_ = new wxStaticText(content_, wxID_ANY, wxString());
    customer_->SetName(_("What the practice customer says"));
    customer_->SetForegroundColour(wxColour(0x15, 0x65, 0xC0));
    customerNext_ = new wxButton(this, wxID_ANY, _("Customer's next &line"));
    customerNext_->SetToolTip(_("Hear what the practice customer says next"));
    customerNext_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { nextPracticeLine(); });

    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(customer_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    text->Add(stage_, 0, wxLEFT | wxRIGHT | wxTOP, FromDIP(6));
    text->Add(say_, 0, wxEXPAND | wxALL, FromDIP(6));
    text->Add(coaching_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(6));
    text->Add(checklist_, 0, wxEXPAND | wxALL, FromDIP(6));
    text->Add(question_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6));
    text->Add(branchesInText_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(4));
    content_->SetSizer(text);

    // One row of buttons (wrapping when narrow): the step's text keeps the height.
    auto* nav = new wxWrapSizer(wxHORIZONTAL);
    nav->Add(back_, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    nav->Add(next_, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    nav->Add(customerNext_, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    nav->Add(practiceButton_, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(picker_, 0, wxEXPAND | wxALL, FromDIP(4));
    sizer->Add(content_, 1, wxEXPAND);
    sizer->Add(branches_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(4));
    sizer->Add(nav, 0, wxEXPAND | wxALL, FromDIP(4));
    SetSizer(sizer);
    Bind(wxEVT_SHOW, [this](wxShowEvent& e) {
        e.Skip();
        if (!e.IsShown() || !redrawWhenShown_) return;
        redrawWhenShown_ = false;
        CallAfter([this] { showStep(); });
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { showStep(); });
    });
    Bind(wxEVT_CHAR_HOOK, &ScriptPanel::onKey, this);
    showStep();
}

void ScriptPanel::setTraining(bool on) {
    training_ = on;
    showStep();
}

void ScriptPanel::fillPicker() {
    picker_->Clear();
    picker_->Append(_("Pick a script…"));
    for (const auto& s : scripts_.scripts())
        picker_->Append(wxString::FromUTF8(s.title));
    picker_->SetSelection(0);
}

std::string ScriptPanel::releaseScripts() {
    std::string id = runner_ ? runner_->script().id : std::string();
    runner_.reset();
    run_.reset();
    customerText_.clear();
    lastSaid_.clear();
    return id;
}

void ScriptPanel::scriptsReplaced(const std::string& keep) {
    fillPicker();
    for (std::size_t i = 0; i < scripts_.scripts().size(); ++i)
        if (scripts_.scripts()[i].id == keep) {
            picker_->SetSelection(static_cast<int>(i) + 1);
            runner_ = std::make_unique<ScriptRunner>(scripts_.scripts()[i]);
        }
    // Drawn when the page is next shown: a hidden page has no width to wrap the text to.
    if (!IsShownOnScreen()) {
        redrawWhenShown_ = true;
        return;
    }
    if (runner_)
        moved();
    else
        showStep();
}

void ScriptPanel::pick(const std::string& scriptId) {
    for (std::size_t i = 0; i < scripts_.scripts().size(); ++i)
        if (scripts_.scripts()[i].id == scriptId) {
            picker_->SetSelection(static_cast<int>(i) + 1);
            pickIndex(static_cast<int>(i) + 1);
        }
}

void ScriptPanel::callStarted() {
    if (runner_) runner_ = std::make_unique<ScriptRunner>(runner_->script());
    if (!startingPractice_) {
        run_.reset();
        customerText_.clear();
        lastSaid_.clear();
    }
    if (runner_)
        moved();
    else
        showStep();
}

void ScriptPanel::pickIndex(int index) {
    if (index <= 0 || static_cast<std::size_t>(index) > scripts_.scripts().size()) return;
    const Script& s = scripts_.scripts()[static_cast<std::size_t>(index) - 1];
    runner_ = std::make_unique<ScriptRunner>(s);
    events_.record(EventKind::Script, {s.title});
    moved();
}

void ScriptPanel::moved() {
    // The control that had the keyboard may go with the step (a branch) or be disabled (Next at a
    // question): the keyboard then goes to the new step, never nowhere.
    // (The picker keeps it: the agent may be going through the scripts with the arrow keys.)
    const bool hadFocus = focusWithin() && wxWindow::FindFocus() != picker_;
    const ScriptStep& step = runner_->current();
    if (run_) run_->reached(step.id);
    // The line as the agent read it, placeholders filled, shortened after a whole word.
    events_.record(EventKind::Step,
                   {std::string(nameOf(step.stage)), shortenAtWord(events_.fill(step.say), 120)});
    events_.stepReached(runner_->script(), step);
    showStep();
    if (hadFocus) focusStep();
}

bool ScriptPanel::focusWithin() const {
    for (const wxWindow* w = wxWindow::FindFocus(); w; w = w->GetParent())
        if (w == this) return true;
    return false;
}

void ScriptPanel::focusStep() {
    // An answer inside the scrolling text is not given the keyboard: the text would scroll to it, away
    // from the line to say. The keys 1 to 9 choose it from anywhere on the page.
    if (!branchButtons_.empty() && branchButtons_.front()->GetParent() != content_)
        branchButtons_.front()->SetFocus();
    else if (next_->IsEnabled())
        next_->SetFocus();
    else if (back_->IsEnabled())
        back_->SetFocus();
    else
        picker_->SetFocus();
}

void ScriptPanel::refill() {
    showStep();
}

void ScriptPanel::focusFirst() {
    if (!runner_)
        picker_->SetFocus();
    else
        focusStep();
}

void ScriptPanel::onKey(wxKeyEvent& event) {
    const int key = event.GetKeyCode();
    const bool digit = key >= '1' && key <= '9';
    if (runner_ && digit && event.GetModifiers() == wxMOD_NONE && !runner_->current().branches.empty()) {
        chooseBranch(static_cast<std::size_t>(key - '1'));
        return;
    }
    if (runner_ && digit && event.GetModifiers() == wxMOD_CONTROL) {
        toggleItem(static_cast<std::size_t>(key - '1'));
        return;
    }
    // Alt+P with no practice button to press says why, instead of doing nothing.
    if (event.GetModifiers() == wxMOD_ALT && (key == 'P' || key == 'p') && !practiceButton_->IsShown() &&
        events_.tell) {
        events_.tell(!training_ ? _("Training mode first: Ctrl+Shift+T")
                     : run_     ? _("Alt+L: the customer's next line")
                                : _("No practice customer for this script"));
        return;
    }
    event.Skip();
}

void ScriptPanel::chooseBranch(std::size_t index) {
    const ScriptStep& step = runner_->current();
    if (index >= step.branches.size()) return;
    events_.record(EventKind::Branch, {step.question, step.branches[index].label});
    if (runner_->choose(index)) moved();
}

void ScriptPanel::toggleItem(std::size_t index) {
    const ScriptStep& step = runner_->current();
    if (index >= step.checklist.size() || index >= items_.size()) return;
    const bool on = runner_->toggle(index);
    items_[index]->SetValue(on);
    events_.record(on ? EventKind::Checked : EventKind::Unchecked, {step.checklist[index]});
    // Ticked by its shortcut from wherever the keyboard is: the trainee sees the tick.
    scrollIntoView(*content_, items_[index]->GetRect(), FromDIP(4));
}

void ScriptPanel::showStep() {
    const int width = std::max(100, content_->GetClientSize().x - FromDIP(24));
    const std::string stepKey = runner_ ? runner_->script().id + "/" + runner_->current().id : std::string();
    // The same step drawn again (a new width): a branch or checklist item that had the keyboard has it
    // again once rebuilt.
    const wxWindow* focused = wxWindow::FindFocus();
    const auto focusedBranch =
        std::find(branchButtons_.begin(), branchButtons_.end(), focused) - branchButtons_.begin();
    const auto focusedItem = std::find(items_.begin(), items_.end(), focused) - items_.begin();
    const bool sameStep = stepKey == shownStep_;
    const bool newLine = customerText_ != shownCustomer_;
    if (!sameStep || newLine) {
        shownStep_ = stepKey;
        shownCustomer_ = customerText_;
        content_->Scroll(0, 0);
    }
    items_.clear();
    branchButtons_.clear();
    checklist_->Clear(true);
    branches_->Clear(true);
    branchesInText_->Clear(true);
    if (!runner_) {
        stage_->SetLabel(wxString());
        coaching_->SetLabel(wxString());
        question_->SetLabel(wxString());
        back_->Disable();
        next_->Disable();
        practiceButton_->Show(false);
        customerNext_->Show(false);
        customer_->Show(false);
        // From its words again: wrapping the label wrapped at an earlier, narrower width kept its breaks.
        say_->SetLabel(_("Pick the script for this call type above."));
        say_->Wrap(width);
        Layout();
        content_->FitInside();
        return;
    }
    const ScriptStep& step = runner_->current();
    stage_->SetLabel(wxGetTranslation(stageLabel(step.stage)) + " · " +
                     wxString::FromUTF8(runner_->script().title));
    stage_->Wrap(width);
    say_->SetLabel(wxString::FromUTF8(events_.fill(step.say)));
    say_->Wrap(width);
    coaching_->SetLabel(training_ && !step.coaching.empty()
                            ? _("Coaching: ") + wxString::FromUTF8(events_.fill(step.coaching))
                            : wxString());
    coaching_->Wrap(width);
    for (std::size_t i = 0; i < step.checklist.size(); ++i) {
        const wxString item = wxString::FromUTF8(step.checklist[i]);
        auto* box = new wxCheckBox(content_, wxID_ANY, wrapped(content_, item, width - FromDIP(32)));
        box->SetName(item);
        box->SetToolTip(i < 9
                            ? wxString::Format(
                                  _("Tick when done (Ctrl+%zu); the tick goes in the call's timeline"), i + 1)
                            : _("Tick when done; the tick goes in the call's timeline"));
        box->SetValue(runner_->ticked(step.id, i));
        box->Bind(wxEVT_CHECKBOX, [this, i, item = step.checklist[i]](wxCommandEvent&) {
            const bool on = runner_->toggle(i);
            events_.record(on ? EventKind::Checked : EventKind::Unchecked, {item});
        });
        checklist_->Add(box, 0, wxBOTTOM, FromDIP(2));
        items_.push_back(box);
    }
    // A few answers stay beside Back and Next; a longer menu (the symptoms of a decision tree) reads as
    // part of the step and scrolls with it. In a short page (a large font at 360x640) more than two
    // answers scroll with it too, leaving the step its room; a yes or no stays in sight.
    const bool shortPage = GetClientSize().y < 22 * GetCharHeight();
    const bool inText = step.branches.size() > kBranchesBelow || (shortPage && step.branches.size() > 2);
    wxString question = wxString::FromUTF8(events_.fill(step.question));
    // Answers a scroll away: the question says which keys choose them.
    if (inText && !question.empty() && step.branches.size() >= 2)
        // TRANSLATORS: after a script's question whose answers are below, out of sight: the keys.
        question += " " + wxString::Format(_("(keys 1 to %d)"),
                                           static_cast<int>(std::min<std::size_t>(step.branches.size(), 9)));
    question_->SetLabel(question);
    question_->Wrap(width);
    wxWindow* branchParent = inText ? static_cast<wxWindow*>(content_) : this;
    for (std::size_t i = 0; i < step.branches.size(); ++i) {
        const wxString label = wxString::FromUTF8(step.branches[i].label);
        // TRANSLATORS: a branch button of the script: its key (1 to 9), then its label ("1 · Yes").
        const wxString text = i < 9 ? wxString::Format(_("%zu · %s"), i + 1, label) : label;
        auto* b = new wxButton(branchParent, wxID_ANY, wrapped(this, text, width - FromDIP(16)),
                               wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
        b->SetName(label);
        b->SetToolTip(wxString::FromUTF8(step.question) + " " + label);
        b->Bind(wxEVT_BUTTON, [this, i](wxCommandEvent&) { chooseBranch(i); });
        (inText ? branchesInText_ : branches_)->Add(b, 0, wxRIGHT | wxBOTTOM, FromDIP(4));
        branchButtons_.push_back(b);
    }
    back_->Enable(runner_->canBack());
    next_->Enable(!step.next.empty());
    const bool canPractise =
        training_ && std::any_of(practice_.scenarios().begin(), practice_.scenarios().end(),
                                 [&](const PracticeScenario& p) { return p.script == runner_->script().id; });
    practiceButton_->Show(canPractise && !run_); // one practice at a time: Alt+P restarted the customer
    customerNext_->Show(training_ && run_ && !run_->finished());
    customer_->SetLabel(customerText_);
    customer_->Wrap(width);
    customer_->Show(!customerText_.empty()); // an empty line would still take a line's height
    // Twice: the wrapping rows of buttons know their height only once they know their width, and
    // laid out once they were drawn over the step's text.
    Layout();
    Layout();
    content_->FitInside();
    if ((!sameStep || newLine) && customer_->IsShown()) {
        // A long customer line over a short page left the line to say a scroll away: the page shows the
        // end of what the customer said and, whole if it fits, what to say to it.
        const int visible = content_->GetClientSize().y;
        const wxRect said = say_->GetRect();
        if (said.GetBottom() + FromDIP(6) > visible) {
            int rate = 1;
            content_->GetScrollPixelsPerUnit(nullptr, &rate);
            rate = std::max(rate, 1);
            const int top = std::max(0, std::min(said.y - 2 * customer_->GetCharHeight(),
                                                 said.GetBottom() + FromDIP(6) - visible));
            content_->Scroll(0, top / rate);
        }
    }
    if (sameStep && focusedBranch < static_cast<std::ptrdiff_t>(branchButtons_.size()))
        branchButtons_[static_cast<std::size_t>(focusedBranch)]->SetFocus();
    else if (sameStep && focusedItem < static_cast<std::ptrdiff_t>(items_.size()))
        items_[static_cast<std::size_t>(focusedItem)]->SetFocus();
}

void ScriptPanel::nextPracticeLine() {
    if (!run_) return;
    if (const auto line = run_->next()) {
        lastSaid_ = _("Customer: ") + wxString::FromUTF8(events_.fill(*line));
        customerText_ = lastSaid_;
    } else if (!run_->finished())
        customerText_ = lastSaid_ + (lastSaid_.empty() ? "" : "\n") +
                        _("The customer waits for you to go on with the script.");
    showStep();
}

wxString ScriptPanel::practiceEnded() {
    if (!run_) return {};
    const PracticeRun::Summary s = run_->summary();
    const std::size_t lines = s.linesHeard + s.linesLeft;
    // TRANSLATORS: at the end of a practice call: lines heard, of how many, and steps of the script walked.
    const wxString said =
        wxString::Format(_("Practice over: you heard %zu of the customer's %zu lines and walked %zu "
                           "steps of the script. It stays out of your stats."),
                         s.linesHeard, lines, s.stepsWalked);
    events_.record(EventKind::PracticeOver,
                   {std::to_string(s.linesHeard), std::to_string(lines), std::to_string(s.stepsWalked)});
    run_.reset();
    customerText_.clear();
    lastSaid_.clear();
    showStep();
    return said;
}

} // namespace cc::ui
