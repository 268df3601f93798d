#!/usr/bin/perl
# bench/pair.pl — owns the benches' clock: two commands timed in turn (A, B,
# A, B …), each run from just before its fork to just after it is reaped,
# read by the monotonic clock inside this one process, so no clock program's
# own start or exit is in any figure. Output goes to /dev/null, stderr to LOG.
# Usage: perl bench/pair.pl RUNS LOG A-WORD... -- B-WORD...
# Prints "RATIO A B": the median of the RUNS ratios A/B, and the median
# seconds of each. A command exiting above 1 (check's "errors found") fails.
use strict;
use warnings;
use Time::HiRes qw(clock_gettime CLOCK_MONOTONIC);

my ($runs, $log, @rest) = @ARGV;
die "usage: pair.pl RUNS LOG A... -- B...\n" unless defined $log && $runs =~ /^[1-9][0-9]*$/;
my ($cut) = grep { $rest[$_] eq '--' } 0 .. $#rest;
die "pair.pl: no -- between the two commands\n" unless defined $cut && $cut > 0 && $cut < $#rest;
my @a = @rest[0 .. $cut - 1];
my @b = @rest[$cut + 1 .. $#rest];

# seconds one run of the command takes
sub timed {
    my @cmd = @_;
    my $t0 = clock_gettime(CLOCK_MONOTONIC);
    my $pid = fork;
    die "pair.pl: fork: $!\n" unless defined $pid;
    if ($pid == 0) {
        open(STDIN, '<', '/dev/null') && open(STDOUT, '>', '/dev/null') && open(STDERR, '>', $log)
          or exit 127;
        exec { $cmd[0] } @cmd or exit 127;
    }
    waitpid($pid, 0);
    my $t = clock_gettime(CLOCK_MONOTONIC) - $t0;
    my $rc = $? >> 8;
    die "pair.pl: failed (" . ($? & 127 ? "signal " . ($? & 127) : "exit $rc") . "): @cmd\n"
      if ($? & 127) || $rc > 1;
    return $t;
}

sub median {
    my @v = sort { $a <=> $b } @_;
    return @v % 2 ? $v[$#v / 2] : ($v[@v / 2 - 1] + $v[@v / 2]) / 2;
}

timed(@a); # a first run of each, not counted: files and binaries in the caches
timed(@b);
my (@ta, @tb, @r);
for (1 .. $runs) {
    my $x = timed(@a);
    my $y = timed(@b);
    push @ta, $x;
    push @tb, $y;
    push @r, $x / $y;
}
printf "%.3f %.6f %.6f\n", median(@r), median(@ta), median(@tb);
