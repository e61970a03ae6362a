# Helpers of test_install_windows.ps1 (dot-sourced; build.py does the build-time checks).
# ASCII only, so that Windows PowerShell 5.1 reads it as well as PowerShell 7.

function Step([string]$Text) { Write-Host "== $Text" -ForegroundColor Cyan }

function Invoke-Checked([string]$What, [scriptblock]$Block) {
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

<#
    Run an Oshirase.exe with --self-test. The exe is windowed (no console), so
    the self-test writes its lines to OSHIRASE_SELFTEST_LOG as well; success is
    exit code 0, "OK" as the last line and the expected version in the first.
#>
function Invoke-SelfTest([string]$AppExe, [string]$ExpectedVersion, [int]$Timeout) {
    $log = Join-Path ([System.IO.Path]::GetTempPath()) ("oshirase-selftest-" + [guid]::NewGuid() + ".log")
    $env:OSHIRASE_SELFTEST_LOG = $log
    $env:QT_QPA_PLATFORM = "offscreen"
    try {
        $proc = Start-Process -FilePath $AppExe -ArgumentList "--self-test" -PassThru -NoNewWindow
        $null = $proc.Handle  # keeps ExitCode readable after WaitForExit (a Start-Process quirk)
        if (-not $proc.WaitForExit($Timeout * 1000)) {
            Stop-Process -Id $proc.Id -Force
            throw "self-test of $AppExe did not finish within $Timeout s"
        }
        $lines = @()
        if (Test-Path $log) { $lines = @(Get-Content -Path $log -Encoding UTF8) }
        $lines | ForEach-Object { Write-Host "    $_" }
        if ($proc.ExitCode -ne 0) { throw "self-test of $AppExe exited with $($proc.ExitCode)" }
        if ($lines.Count -lt 2 -or $lines[-1] -ne "OK") { throw "self-test of $AppExe did not print OK" }
        if (-not $lines[0].StartsWith("Oshirase $ExpectedVersion self-test (frozen")) {
            throw "self-test of $AppExe reports '$($lines[0])', expected version $ExpectedVersion"
        }
    }
    finally {
        Remove-Item Env:\OSHIRASE_SELFTEST_LOG -ErrorAction SilentlyContinue
        Remove-Item Env:\QT_QPA_PLATFORM -ErrorAction SilentlyContinue
        Remove-Item $log -ErrorAction SilentlyContinue
    }
}
