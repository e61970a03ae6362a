; Oshirase (お知らせ印刷): the Windows setup file.
;
; Compiled by installer/build.py (on Windows, also through build_windows.ps1
; and the CI workflow; on Linux by .ci/run, with the Linux bundle as a
; stand-in payload that build.py then installs under Wine). Always compiled
; with -WX: no warnings.
;
;   makensis -WX -DVERSION=0.1.0 -DVERSION_QUAD=0.1.0.0
;            -DPAYLOAD_DIR=<absolute path of the PyInstaller folder>
;            [-DOUTDIR=<absolute folder for the setup file>] [-DNOCOMPRESS]
;            [-DLINUX_STANDIN]  (a payload without Oshirase.exe is let through)
;            installer/oshirase.nsi
;
; VERSION and VERSION_QUAD come from pyproject.toml (installer/version_info.py).
; The setup file is ${OUTDIR}\Oshirase-${VERSION}-setup.exe.
;
; What it does:
; - per-user install into %LOCALAPPDATA%\Programs\Oshirase without admin rights;
;   an administrator is offered an install for all users (Program Files);
; - Start-menu shortcut, optional desktop shortcut (unchecked by default);
; - "Open with" entry for .xlsx/.xlsm workbooks;
; - upgrade in place: the product identity (PRODUCT_GUID, INSTALL_KEY) never
;   changes, the previous install folder is found in the registry and the
;   previous version's program files are removed silently before copying;
; - the uninstaller removes everything it installed but keeps the user's data:
;   %LOCALAPPDATA%\Oshirase (window settings oshirase.ini, logs\), the run
;   records in Documents\Oshirase and the run profiles wherever they were saved.
;   The app writes nothing to the registry.
;
; Silent use: setup.exe /S [/CurrentUser | /AllUsers] [/D=C:\folder]
;             uninstall.exe /S [/CurrentUser | /AllUsers]

Unicode true
ManifestDPIAware true

!if ${NSIS_PACKEDVERSION} < 0x03006000
  !error "NSIS 3.06 or newer is needed (DeleteRegKey /ifempty must check values)"
!endif

!ifndef VERSION
  !error "pass -DVERSION=<version of pyproject.toml>"
!endif
!ifndef VERSION_QUAD
  !error "pass -DVERSION_QUAD=<four-number version>"
!endif
!ifndef PAYLOAD_DIR
  !error "pass -DPAYLOAD_DIR=<the PyInstaller one-folder bundle>"
!endif
!if ! /FileExists "${PAYLOAD_DIR}\_internal\*"
  !error "PAYLOAD_DIR does not look like a PyInstaller one-folder bundle (no _internal folder)"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif

;--------------------------------
; Product identity: never change these, or upgrades stop finding the old install.

!define PRODUCT_GUID "{6F1A3C52-8B4D-4E7A-9C2B-5D3E8F71A0B4}"
!define PRODUCT_NAME "お知らせ印刷"
!define PRODUCT_NAME_LATIN "Oshirase"
!define PUBLISHER "Oshirase"
!define APP_EXE "Oshirase.exe"
!define CLI_EXE "oshirase-cli.exe"  ; the console program for check, batch, … (same folder)
!define PROGID "Oshirase.Workbook"
!define INSTALL_KEY "Software\Oshirase\Setup"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT_GUID}"
!define SHORTCUT "${PRODUCT_NAME}.lnk"

!ifndef LINUX_STANDIN  ; a test payload may lack the exe
  !if ! /FileExists "${PAYLOAD_DIR}\${APP_EXE}"
    !error "PAYLOAD_DIR has no ${APP_EXE}"
  !endif
!endif

Name "${PRODUCT_NAME} (${PRODUCT_NAME_LATIN})"
OutFile "${OUTDIR}\Oshirase-${VERSION}-setup.exe"
BrandingText "${PRODUCT_NAME_LATIN} ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

!ifdef NOCOMPRESS
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

;--------------------------------
; Per-user by default, all users offered to administrators.

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_INSTDIR "${PRODUCT_NAME_LATIN}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${INSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${INSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_FUNCTION OnInstallModeChanged
!define MULTIUSER_INIT_TEXT_ADMINREQUIRED "$(STR_ADMIN_REQUIRED)"
!define MULTIUSER_INIT_TEXT_POWERREQUIRED "$(STR_ADMIN_REQUIRED)"
!define MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE "$(STR_ALLUSERS_NOT_POSSIBLE)"

!include MultiUser.nsh
!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

;--------------------------------
; Pages

!define MUI_ICON "oshirase.ico"
!define MUI_UNICON "oshirase.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${INSTALL_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_LANGDLL_ALLLANGUAGES  ; a Unicode setup shows both on any system
!define MUI_LANGDLL_WINDOWTITLE "言語 / Language"
!define MUI_LANGDLL_INFO "セットアップの言語を選んでください。$\r$\nPlease select the language of the setup."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback for a system in neither language.
!insertmacro MUI_LANGUAGE "Japanese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

;--------------------------------
; Texts (Japanese first, then English)

LangString STR_ADMIN_REQUIRED ${LANG_JAPANESE} "このセットアップには管理者の権限が必要です。"
LangString STR_ADMIN_REQUIRED ${LANG_ENGLISH} "This setup needs administrator rights."
LangString STR_ALLUSERS_NOT_POSSIBLE ${LANG_JAPANESE} "このユーザーには、すべてのユーザー向けにインストールする権限がありません。"
LangString STR_ALLUSERS_NOT_POSSIBLE ${LANG_ENGLISH} "Your account may not install for all users of this computer."
LangString STR_APP_RUNNING ${LANG_JAPANESE} "お知らせ印刷が起動しています。終了してから「再試行」を押してください。"
LangString STR_APP_RUNNING ${LANG_ENGLISH} "Oshirase is running. Close it, then press Retry."
LangString STR_SEC_APP ${LANG_JAPANESE} "お知らせ印刷（必須）"
LangString STR_SEC_APP ${LANG_ENGLISH} "Oshirase (required)"
LangString STR_SEC_DESKTOP ${LANG_JAPANESE} "デスクトップにショートカットを作る"
LangString STR_SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString STR_DESC_APP ${LANG_JAPANESE} "プログラム、フォント、既定の実行プロファイル、サンプルの台帳。スタートメニューに登録し、.xlsx の「プログラムから開く」に加えます。"
LangString STR_DESC_APP ${LANG_ENGLISH} "The program, its fonts, the default run profile and the sample workbook; a Start-menu entry and an $\"Open with$\" entry for .xlsx files."
LangString STR_DESC_DESKTOP ${LANG_JAPANESE} "デスクトップにお知らせ印刷のショートカットを置きます。"
LangString STR_DESC_DESKTOP ${LANG_ENGLISH} "Puts a shortcut to Oshirase on the desktop."
LangString STR_WORKBOOK_TYPE ${LANG_JAPANESE} "Excel ブック（お知らせ印刷）"
LangString STR_WORKBOOK_TYPE ${LANG_ENGLISH} "Excel workbook (Oshirase)"

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductName" "${PRODUCT_NAME}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileDescription" "${PRODUCT_NAME} セットアップ"
VIAddVersionKey /LANG=${LANG_JAPANESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_JAPANESE} "LegalCopyright" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${PRODUCT_NAME_LATIN}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${PRODUCT_NAME_LATIN} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

;--------------------------------
; Shared by installer and uninstaller

Var PreviousDir     ; install folder of a previous version (same mode), or ""
Var CommandLineDir  ; the folder given with /D=, which MultiUser would overwrite

; Refuse to touch the program files while the app runs (its exe is then locked).
!macro WAIT_UNTIL_NOT_RUNNING EXE
  ${If} ${FileExists} "$0\${EXE}"
    ${Do}
      ClearErrors
      FileOpen $1 "$0\${EXE}" a
      ${IfNot} ${Errors}
        FileClose $1
        ${Break}
      ${EndIf}
      ${IfNot} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(STR_APP_RUNNING)" /SD IDCANCEL IDRETRY`
        Abort
      ${EndIf}
    ${Loop}
  ${EndIf}
!macroend
!macro DEFINE_CHECK_NOT_RUNNING PREFIX
Function ${PREFIX}CheckNotRunning
  Exch $0  ; folder to check
  Push $1
  !insertmacro WAIT_UNTIL_NOT_RUNNING "${APP_EXE}"
  !insertmacro WAIT_UNTIL_NOT_RUNNING "${CLI_EXE}"  ; a script may be running the console program
  Pop $1
  Pop $0
FunctionEnd
!macroend
!insertmacro DEFINE_CHECK_NOT_RUNNING ""
!insertmacro DEFINE_CHECK_NOT_RUNNING "un."

;--------------------------------
; Installer

Function .onInit
  StrCpy $CommandLineDir $INSTDIR
  !insertmacro MULTIUSER_INIT
  ${If} $CommandLineDir != ""
    StrCpy $INSTDIR $CommandLineDir
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "$(STR_SEC_APP)" SecApp
  SectionIn RO

  Push $INSTDIR
  Call CheckNotRunning

  ; Upgrade in place: the previous version's own uninstaller removes its
  ; program files, shortcuts and registry entries (never the user's data).
  ${If} $PreviousDir != ""
  ${AndIf} ${FileExists} "$PreviousDir\uninstall.exe"
    Push $PreviousDir
    Call CheckNotRunning
    DetailPrint "Removing the previous version in $PreviousDir"
    ExecWait '"$PreviousDir\uninstall.exe" /S /$MultiUser.InstallMode _?=$PreviousDir'
    Delete "$PreviousDir\uninstall.exe"
    RMDir "$PreviousDir"
  ${EndIf}

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD_DIR}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  ; "Open with" for workbooks (never takes over the default program).
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}" "FriendlyAppName" "${PRODUCT_NAME}"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\SupportedTypes" ".xlsx" ""
  WriteRegStr SHCTX "Software\Classes\Applications\${APP_EXE}\SupportedTypes" ".xlsm" ""
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "$(STR_WORKBOOK_TYPE)"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegNone SHCTX "Software\Classes\.xlsx\OpenWithProgids" "${PROGID}"
  WriteRegNone SHCTX "Software\Classes\.xlsm\OpenWithProgids" "${PROGID}"

  ; The install's own record: folder, mode, version, choices.
  WriteRegStr SHCTX "${INSTALL_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${INSTALL_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${INSTALL_KEY}" "Version" "${VERSION}"
  WriteRegStr SHCTX "${INSTALL_KEY}" "ProductId" "${PRODUCT_GUID}"
  WriteRegStr SHCTX "${INSTALL_KEY}" "DesktopShortcut" "0"
  WriteRegStr SHCTX "${INSTALL_KEY}" "InstallerLanguage" "$LANGUAGE"  ; also when silent

  ; Apps & features.
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT_NAME} (${PRODUCT_NAME_LATIN})"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S /$MultiUser.InstallMode'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Section /o "$(STR_SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  WriteRegStr SHCTX "${INSTALL_KEY}" "DesktopShortcut" "1"
SectionEnd

; Called by MultiUser whenever the mode (per-user / all users) is set: find a
; previous install of that mode and keep its desktop-shortcut choice.
Function OnInstallModeChanged
  ReadRegStr $PreviousDir SHCTX "${INSTALL_KEY}" "InstallDir"
  ReadRegStr $0 SHCTX "${INSTALL_KEY}" "DesktopShortcut"
  ${If} $0 == "1"
    SectionSetFlags ${SecDesktop} ${SF_SELECTED}
  ${Else}
    SectionSetFlags ${SecDesktop} 0
  ${EndIf}
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(STR_DESC_APP)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(STR_DESC_DESKTOP)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

;--------------------------------
; Uninstaller: removes what the installer put there, nothing else.

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  Push $INSTDIR
  Call un.CheckNotRunning

  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"

  DeleteRegKey SHCTX "Software\Classes\Applications\${APP_EXE}"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.xlsx\OpenWithProgids" "${PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.xlsm\OpenWithProgids" "${PROGID}"
  ; /ifempty: only when no other program left values or subkeys there.
  DeleteRegKey /ifempty SHCTX "Software\Classes\.xlsx\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.xlsx"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.xlsm\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.xlsm"

  ; The PyInstaller folder: the two exes and _internal\ (nothing else is installed).
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: files the user put there stay

  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${INSTALL_KEY}"
  DeleteRegKey /ifempty SHCTX "Software\Oshirase"

  ; Kept on purpose: the user's data in %LOCALAPPDATA%\Oshirase (settings,
  ; logs) and Documents\Oshirase (run records). A reinstall finds them again.

  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd
