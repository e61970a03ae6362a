<#
.SYNOPSIS
    Build the Oshirase setup file on Windows: a thin wrapper of installer\build.py.

.DESCRIPTION
    installer\build.py is the one build script (also run by .ci/run on Linux
    and by .github/workflows/windows-installer.yml): a clean venv build\venv
    with .[build], PyInstaller (installer\oshirase.spec: Oshirase.exe and
    oshirase-cli.exe in one folder), the bundle checks, the frozen self-test,
    check/batch through oshirase-cli.exe compared with main.py, then makensis
    (installer\oshirase.nsi) -> build\Oshirase-<version>-setup.exe.

    Run from any folder:
        powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
    Needs Python 3.11 (the "py" launcher or "python" on PATH) and NSIS 3.06+
    (makensis on PATH or in Program Files). Other arguments go to build.py
    (e.g. -Python python --no-installer).

.PARAMETER Python
    The Python that runs build.py and creates the venv (default: "py -3.11"
    if the launcher exists, else "python").
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [Parameter(ValueFromRemainingArguments = $true)][string[]]$BuildArgs = @()
)

$ErrorActionPreference = "Stop"
if (-not $Python) {
    if (Get-Command py.exe -ErrorAction SilentlyContinue) { $Python = "py -3.11" } else { $Python = "python" }
}
$parts = @($Python -split " ")
$pyArgs = @()
if ($parts.Count -gt 1) { $pyArgs = $parts[1..($parts.Count - 1)] }
& $parts[0] @pyArgs (Join-Path $PSScriptRoot "build.py") @BuildArgs
exit $LASTEXITCODE
