<#
.SYNOPSIS
    Build the Oshirase setup file on Windows.

.DESCRIPTION
    venv -> PyInstaller (installer/oshirase.spec) -> smoke test of the frozen
    exe (Oshirase.exe --self-test) -> makensis (installer/oshirase.nsi) ->
    build/Oshirase-<version>-setup.exe, the version read from pyproject.toml
    through installer/version_info.py.

    Run from any folder:
        powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
    Needs Python 3.11 (the "py" launcher or "python" on PATH) and NSIS 3.06+
    (makensis on PATH or in Program Files). The CI workflow
    .github/workflows/windows-installer.yml runs this same script.

.PARAMETER Python
    The Python used to create the venv (default: "py -3.11" if the launcher
    exists, else "python").

.PARAMETER Venv
    The build venv (default: build\venv in the repository). Reused if present.

.PARAMETER Makensis
    makensis.exe (default: from PATH, else Program Files (x86)\NSIS).

.PARAMETER SelfTestTimeout
    Seconds the frozen self-test may take (default 300).
#>
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Venv = "",
    [string]$Makensis = "",
    [int]$SelfTestTimeout = 300
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

$Spec = "installer\oshirase.spec"
$Nsi = "installer\oshirase.nsi"
$VersionScript = "installer\version_info.py"
$Dist = Join-Path $Root "build\dist"
$Work = Join-Path $Root "build\work"
$OutDir = Join-Path $Root "build"
$Bundle = Join-Path $Dist "Oshirase"
$Exe = Join-Path $Bundle "Oshirase.exe"

. (Join-Path $PSScriptRoot "windows_common.ps1")

function Find-Makensis {
    if ($Makensis) { return $Makensis }
    $cmd = Get-Command makensis.exe -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($base) {
            $candidate = Join-Path $base "NSIS\makensis.exe"
            if (Test-Path $candidate) { return $candidate }
        }
    }
    throw "makensis.exe not found: install NSIS 3.06 or newer (e.g. 'choco install nsis')"
}

# -- venv ------------------------------------------------------------------------------
Step "build venv"
if (-not $Venv) { $Venv = Join-Path $Root "build\venv" }
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    if (-not $Python) {
        if (Get-Command py.exe -ErrorAction SilentlyContinue) { $Python = "py -3.11" } else { $Python = "python" }
    }
    $parts = $Python -split " "
    $pyExe = $parts[0]
    $pyArgs = @()
    if ($parts.Count -gt 1) { $pyArgs = $parts[1..($parts.Count - 1)] }
    Invoke-Checked "creating the venv" { & $pyExe @pyArgs -m venv $Venv }
}
Invoke-Checked "pip upgrade" { & $VenvPython -m pip install --quiet --upgrade pip }
Invoke-Checked "pip install" { & $VenvPython -m pip install --quiet -e ".[build]" }

$Version = (& $VenvPython $VersionScript).Trim()
$VersionQuad = (& $VenvPython $VersionScript --quad).Trim()
if (-not $Version) { throw "no version from $VersionScript" }
Write-Host "Oshirase $Version ($VersionQuad)"

# -- PyInstaller ------------------------------------------------------------------------
Step "PyInstaller ($Spec)"
$started = Get-Date
Invoke-Checked "PyInstaller" {
    & $VenvPython -m PyInstaller $Spec --noconfirm --clean --distpath $Dist --workpath $Work
}
if (-not (Test-Path $Exe)) { throw "PyInstaller did not produce $Exe" }
$bundleMb = [math]::Round(((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host ("bundle: {0} MB in {1:n0} s" -f $bundleMb, ((Get-Date) - $started).TotalSeconds)

# -- smoke test of the frozen exe -------------------------------------------------------
Step "self-test of the frozen exe"
Invoke-SelfTest -AppExe $Exe -ExpectedVersion $Version -Timeout $SelfTestTimeout

# -- makensis ---------------------------------------------------------------------------
Step "makensis ($Nsi)"
$MakensisExe = Find-Makensis
$Setup = Join-Path $OutDir "Oshirase-$Version-setup.exe"
Remove-Item $Setup -ErrorAction SilentlyContinue
Invoke-Checked "makensis" {
    & $MakensisExe -WX -V2 "-DVERSION=$Version" "-DVERSION_QUAD=$VersionQuad" `
        "-DPAYLOAD_DIR=$Bundle" "-DOUTDIR=$OutDir" $Nsi
}
if (-not (Test-Path $Setup)) { throw "makensis did not produce $Setup" }
$setupMb = [math]::Round((Get-Item $Setup).Length / 1MB, 1)
Step "done: $Setup ($setupMb MB)"
