# Reads "A<TAB>B" lines; prints "C<TAB>SA<TAB>SB": C is Gem::Version's ordering of A and B (-1, 0, 1) or E when
# either is malformed; SA and SB are the canonical segments joined by commas, or ! when malformed.
require "rubygems"

def parse(s)
  Gem::Version.new(s)
rescue ArgumentError
  nil
end

STDOUT.sync = false
STDIN.each_line("\n") do |line|
  a, b = line.chomp("\n").split("\t", -1)
  va = parse(a)
  vb = parse(b)
  c = va.nil? || vb.nil? ? "E" : (va <=> vb).to_s
  sa = va.nil? ? "!" : va.canonical_segments.join(",")
  sb = vb.nil? ? "!" : vb.canonical_segments.join(",")
  STDOUT.write("#{c}\t#{sa}\t#{sb}\n")
end
