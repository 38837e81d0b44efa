; The Windows installer of Call Companion: per user (no administrator rights, which agents rarely
; have), a Start menu entry, an uninstaller that keeps the agent's calls and notes unless asked, and a
; silent mode for IT (/S; the uninstaller's /S keeps the data too, /REMOVEDATA removes it).
; Built by installer/windows/package.sh: makensis -DVERSION=... -DSTAGE=... -DOUTFILE=... this file.
; 64-bit, as the app is (and Wine in CI runs 64-bit programs only)
Target amd64-unicode
!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifndef VERSION | STAGE | OUTFILE
  !error "makensis -DVERSION=x.y.z -DSTAGE=folder -DOUTFILE=setup.exe call-companion.nsi"
!endif

Name "Call Companion"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Call Companion"
InstallDirRegKey HKCU "Software\Call Companion" "InstallDir"
SetCompressor /SOLID lzma
VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "Call Companion"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "Call Companion installer"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Call Companion developers"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\CallCompanion"
!define DATA_DIR "$APPDATA\Call Companion"

!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\call-companion.exe"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Spanish"
!insertmacro MUI_LANGUAGE "PortugueseBR"

LangString KeepData ${LANG_ENGLISH} "Also delete your calls, notes and settings in ${DATA_DIR}? They are kept unless you choose Yes."
LangString KeepData ${LANG_SPANISH} "¿Borrar también sus llamadas, notas y ajustes de ${DATA_DIR}? Se conservan salvo que elija Sí."
LangString KeepData ${LANG_PORTUGUESEBR} "Apagar também suas chamadas, notas e configurações em ${DATA_DIR}? Elas são mantidas, a menos que escolha Sim."

Section "Call Companion"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File /r "${STAGE}/*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateDirectory "$SMPROGRAMS\Call Companion"
  CreateShortcut "$SMPROGRAMS\Call Companion\Call Companion.lnk" "$INSTDIR\call-companion.exe"
  WriteRegStr HKCU "Software\Call Companion" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Call Companion"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\call-companion.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "Call Companion developers"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Call Companion\Call Companion.lnk"
  RMDir "$SMPROGRAMS\Call Companion"
  ; Only what the installer put there: the folder itself goes only if nothing else is in it.
  Delete "$INSTDIR\call-companion.exe"
  RMDir /r "$INSTDIR\data"
  RMDir /r "$INSTDIR\locale"
  RMDir /r "$INSTDIR\dictionaries"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Call Companion"

  ${un.GetParameters} $R0
  ClearErrors
  ${un.GetOptions} $R0 "/REMOVEDATA" $R1
  IfErrors 0 remove_data
  IfSilent keep_data
  MessageBox MB_YESNO|MB_DEFBUTTON2|MB_ICONQUESTION "$(KeepData)" IDYES remove_data
  Goto keep_data
remove_data:
  RMDir /r "${DATA_DIR}"
keep_data:
SectionEnd
