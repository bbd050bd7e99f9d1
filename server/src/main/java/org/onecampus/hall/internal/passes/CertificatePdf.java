package org.onecampus.hall.internal.passes;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A one-page A4 PDF written directly (PDF 1.4): Chinese and English lines set in the standard Adobe CJK font
 * STSong-Light (not embedded; every PDF reader ships it or a substitute, so the file stays small) and a QR code
 * image. Enough for a certificate; no layout engine.
 */
final class CertificatePdf {

	private static final int WIDTH = 595;

	private static final int HEIGHT = 842;

	private final List<String> operations = new ArrayList<>();

	private BufferedImage qr;

	private int qrX;

	private int qrY;

	private int qrSize;

	/** Writes {@code text} at x, y (points from the bottom left), wrapped to {@code maxWidth}; returns the next y. */
	int text(String text, int x, int y, int size, int maxWidth) {
		StringBuilder line = new StringBuilder();
		double width = 0;
		int cursor = y;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			double w = c < 0x80 ? size * 0.5 : size;
			if (width + w > maxWidth && line.length() > 0) {
				show(line.toString(), x, cursor, size);
				cursor -= Math.round(size * 1.6f);
				line.setLength(0);
				width = 0;
			}
			line.append(c);
			width += w;
		}
		if (line.length() > 0) {
			show(line.toString(), x, cursor, size);
			cursor -= Math.round(size * 1.6f);
		}
		return cursor;
	}

	/** Centred single line. */
	void centred(String text, int y, int size) {
		double width = text.chars().mapToDouble(c -> c < 0x80 ? size * 0.5 : size).sum();
		show(text, (int) Math.round((WIDTH - width) / 2), y, size);
	}

	void line(int x1, int y, int x2) {
		operations.add("0.6 w " + x1 + " " + y + " m " + x2 + " " + y + " l S");
	}

	void qr(BufferedImage image, int x, int y, int size) {
		this.qr = image;
		this.qrX = x;
		this.qrY = y;
		this.qrSize = size;
	}

	private void show(String text, int x, int y, int size) {
		StringBuilder hex = new StringBuilder();
		for (char c : text.toCharArray()) {
			hex.append(String.format("%04X", (int) c));
		}
		operations.add("BT /F1 " + size + " Tf " + x + " " + y + " Td <" + hex + "> Tj ET");
	}

	byte[] toBytes() {
		StringBuilder content = new StringBuilder();
		operations.forEach(op -> content.append(op).append('\n'));
		if (qr != null) {
			content.append("q ").append(qrSize).append(" 0 0 ").append(qrSize).append(' ').append(qrX).append(' ')
				.append(qrY).append(" cm /Im1 Do Q\n");
		}
		byte[] contentBytes = content.toString().getBytes(StandardCharsets.US_ASCII);
		List<byte[]> objects = new ArrayList<>();
		objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
		objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
		objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + WIDTH + " " + HEIGHT + "] /Resources << /Font << /F1 4 0 R >>"
				+ (qr != null ? " /XObject << /Im1 6 0 R >>" : "") + " >> /Contents 5 0 R >>"));
		objects.add(ascii("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [7 0 R] >>"));
		objects.add(stream("", contentBytes));
		if (qr != null) {
			byte[] gray = new byte[qr.getWidth() * qr.getHeight()];
			for (int y = 0; y < qr.getHeight(); y++) {
				for (int x = 0; x < qr.getWidth(); x++) {
					gray[y * qr.getWidth() + x] = (byte) ((qr.getRGB(x, y) & 0xFF) > 127 ? 0xFF : 0x00);
				}
			}
			objects.add(stream("/Type /XObject /Subtype /Image /Width " + qr.getWidth() + " /Height " + qr.getHeight()
					+ " /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", deflate(gray)));
		}
		else {
			objects.add(ascii("null"));
		}
		objects.add(ascii("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe)"
				+ " /Ordering (GB1) /Supplement 2 >> /FontDescriptor 8 0 R /DW 1000 /W [1 95 500] >>"));
		objects.add(ascii("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
				+ " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < objects.size(); i++) {
			offsets.add(out.size());
			write(out, ascii((i + 1) + " 0 obj\n"));
			write(out, objects.get(i));
			write(out, ascii("\nendobj\n"));
		}
		int xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		offsets.forEach(o -> table.append(String.format("%010d 00000 n \n", o)));
		table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
			.append("\n%%EOF\n");
		write(out, ascii(table.toString()));
		return out.toByteArray();
	}

	private static byte[] stream(String dictionary, byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write(out, ascii("<< " + dictionary + " /Length " + data.length + " >>\nstream\n"));
		write(out, data);
		write(out, ascii("\nendstream"));
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] data) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION))) {
			deflater.write(data);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static void write(ByteArrayOutputStream out, byte[] bytes) {
		out.write(bytes, 0, bytes.length);
	}
}
