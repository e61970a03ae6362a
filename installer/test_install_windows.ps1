<#
.SYNOPSIS
    Install, self-test, upgrade and uninstall the Oshirase setup file, silently.

.DESCRIPTION
    Run by the CI workflow after installer\build.py, on a throwaway Windows
    runner. Checks what an operator relies on:
      1. a per-user silent install (/S /CurrentUser) needs no admin rights and
         writes the program, the Start-menu shortcut, the "Open with" entry
         and the Apps & features entry (no desktop shortcut by default);
      2. the installed app passes --self-test from its installed location, and
         the installed console program oshirase-cli.exe runs check on the
         sample with exit code 0 and UTF-8 output;
      3. installing again upgrades in place (the old program files are
         removed first: a file planted in _internal disappears);
      4. the uninstaller removes program, shortcuts and registry entries but
         keeps the user's data in %LOCALAPPDATA%\Oshirase.
    Do not run it on a PC where Oshirase is in use: it uninstalls it.

.PARAMETER Setup
    The setup file (default: build\Oshirase-<version>-setup.exe).

.PARAMETER Python
    Python used to read the version from pyproject.toml (default: the build
    venv's, else "python").
#>
[CmdletBinding()]
param(
    [string]$Setup = "",
    [string]$Python = "",
    [int]$SelfTestTimeout = 300
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
. (Join-Path $PSScriptRoot "windows_common.ps1")

if (-not $Python) {
    $venvPython = Join-Path $Root "build\venv\Scripts\python.exe"
    if (Test-Path $venvPython) { $Python = $venvPython } else { $Python = "python" }
}
$Version = (& $Python "installer\version_info.py").Trim()
if (-not $Setup) { $Setup = Join-Path $Root "build\Oshirase-$Version-setup.exe" }
if (-not (Test-Path $Setup)) { throw "no setup file at ${Setup} (run installer\build_windows.ps1 first)" }

# The product identity, read from the script so that it is written down once.
$guidMatch = Select-String -Path "installer\oshirase.nsi" -Pattern '!define PRODUCT_GUID "(\{[0-9A-F-]+\})"'
if (-not $guidMatch) { throw "PRODUCT_GUID not found in installer\oshirase.nsi" }
$ProductGuid = $guidMatch.Matches[0].Groups[1].Value

$SetupKey = "HKCU:\Software\Oshirase\Setup"
$UninstallKey = "HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall\$ProductGuid"
$AppKey = "HKCU:\Software\Classes\Applications\Oshirase.exe"
$ProgIdKey = "HKCU:\Software\Classes\Oshirase.Workbook"
$OpenWithKey = "HKCU:\Software\Classes\.xlsx\OpenWithProgids"
$StartMenu = Join-Path $env:APPDATA "Microsoft\Windows\Start Menu\Programs"
$Desktop = [Environment]::GetFolderPath("Desktop")
$UserData = Join-Path $env:LOCALAPPDATA "Oshirase"
$UserFile = Join-Path $UserData "logs\kept-by-uninstall.log"

function Assert([bool]$Condition, [string]$Message) {
    if (-not $Condition) { throw "FAILED: $Message" }
    Write-Host "  ok  $Message"
}

function Get-Shortcuts([string]$Folder, [string]$Target) {
    $shell = New-Object -ComObject WScript.Shell
    @(Get-ChildItem -Path $Folder -Filter *.lnk -ErrorAction SilentlyContinue |
        Where-Object { $shell.CreateShortcut($_.FullName).TargetPath -eq $Target })
}

function Invoke-Setup([string[]]$Arguments) {
    $proc = Start-Process -FilePath $Setup -ArgumentList $Arguments -Wait -PassThru
    if ($proc.ExitCode -ne 0) { throw "setup $($Arguments -join ' ') exited with $($proc.ExitCode)" }
}

function Test-OpenWith {
    # The value is REG_NONE (empty): look for its name, not its data.
    $key = Get-Item -Path $OpenWithKey -ErrorAction SilentlyContinue
    if (-not $key) { return $false }
    return ($key.GetValueNames() -contains "Oshirase.Workbook")
}

# -- 0. user data that the uninstaller must keep ----------------------------------------
New-Item -ItemType Directory -Force -Path (Split-Path $UserFile) | Out-Null
Set-Content -Path $UserFile -Value "# a run profile of the user" -Encoding UTF8

# -- 1. per-user silent install ----------------------------------------------------------
Step "install: $Setup /S /CurrentUser"
Invoke-Setup @("/S", "/CurrentUser")
$InstallDir = (Get-ItemProperty -Path $SetupKey -Name InstallDir).InstallDir
$Exe = Join-Path $InstallDir "Oshirase.exe"
Assert ($InstallDir -like "$env:LOCALAPPDATA\Programs\*") "installed per user under %LOCALAPPDATA%\Programs ($InstallDir)"
Assert (Test-Path $Exe) "Oshirase.exe installed"
Assert (Test-Path (Join-Path $InstallDir "uninstall.exe")) "uninstaller written"
Assert (Test-Path (Join-Path $InstallDir "oshirase-cli.exe")) "oshirase-cli.exe installed"
Assert (Test-Path (Join-Path $InstallDir "_internal\resources\samples\sample.xlsx")) "sample workbook installed"
Assert ((Get-ItemProperty -Path $UninstallKey).DisplayVersion -eq $Version) "Apps & features lists version $Version"
Assert ((Get-ItemProperty -Path $SetupKey).InstallMode -eq "CurrentUser") "install mode recorded as CurrentUser"
Assert (Test-Path "$AppKey\shell\open\command") "Open with: Applications\Oshirase.exe"
Assert (Test-OpenWith) "Open with: .xlsx OpenWithProgids"
Assert ((Get-Shortcuts $StartMenu $Exe).Count -eq 1) "Start-menu shortcut"
Assert ((Get-Shortcuts $Desktop $Exe).Count -eq 0) "no desktop shortcut by default"

# -- 2. the installed app checks itself ------------------------------------------------
Step "self-test from $InstallDir"
Invoke-SelfTest -AppExe $Exe -ExpectedVersion $Version -Timeout $SelfTestTimeout
$Cli = Join-Path $InstallDir "oshirase-cli.exe"
$Sample = Join-Path $InstallDir "_internal\resources\samples\sample.xlsx"
$outFile = Join-Path ([System.IO.Path]::GetTempPath()) ("oshirase-cli-" + [guid]::NewGuid() + ".txt")
$proc = Start-Process -FilePath $Cli -ArgumentList @("check", "`"$Sample`"") -Wait -PassThru -NoNewWindow -RedirectStandardOutput $outFile
$text = [System.IO.File]::ReadAllText($outFile, [System.Text.UTF8Encoding]::new($false, $true))
Remove-Item $outFile -ErrorAction SilentlyContinue
Assert ($proc.ExitCode -eq 0) "oshirase-cli.exe check sample.xlsx exits 0 (got $($proc.ExitCode))"
Assert ($text.Contains("sample.xlsx")) "oshirase-cli.exe prints the summary in UTF-8"

# -- 3. upgrade in place ---------------------------------------------------------------
Step "upgrade in place (install again)"
$Stale = Join-Path $InstallDir "_internal\left-by-old-version.txt"
Set-Content -Path $Stale -Value "stale"
Invoke-Setup @("/S", "/CurrentUser")
Assert ((Get-ItemProperty -Path $SetupKey).InstallDir -eq $InstallDir) "same install folder"
Assert (-not (Test-Path $Stale)) "old program files removed before copying"
Assert (Test-Path $Exe) "Oshirase.exe present after the upgrade"
Assert ((Get-Shortcuts $StartMenu $Exe).Count -eq 1) "one Start-menu shortcut"
Invoke-SelfTest -AppExe $Exe -ExpectedVersion $Version -Timeout $SelfTestTimeout

# -- 4. uninstall ------------------------------------------------------------------------
Step "uninstall"
$Uninstaller = Join-Path $InstallDir "uninstall.exe"
$proc = Start-Process -FilePath $Uninstaller -ArgumentList @("/S", "/CurrentUser") -Wait -PassThru
if ($proc.ExitCode -ne 0) { throw "uninstall exited with $($proc.ExitCode)" }
# The uninstaller runs from a copy in %TEMP%: wait until the folder is gone.
$deadline = (Get-Date).AddSeconds(120)
while ((Test-Path $InstallDir) -and (Get-Date) -lt $deadline) { Start-Sleep -Milliseconds 500 }
Assert (-not (Test-Path $InstallDir)) "install folder removed"
Assert (-not (Test-Path $SetupKey)) "HKCU\Software\Oshirase\Setup removed"
Assert (-not (Test-Path $UninstallKey)) "Apps & features entry removed"
Assert (-not (Test-Path $AppKey)) "Applications\Oshirase.exe removed"
Assert (-not (Test-Path $ProgIdKey)) "ProgID Oshirase.Workbook removed"
Assert (-not (Test-OpenWith)) ".xlsx OpenWithProgids entry removed"
Assert ((Get-Shortcuts $StartMenu $Exe).Count -eq 0) "Start-menu shortcut removed"
Assert (Test-Path $UserFile) "user data in %LOCALAPPDATA%\Oshirase kept"

Remove-Item -Recurse -Force $UserData
Step "install, self-test, upgrade and uninstall: all passed"
