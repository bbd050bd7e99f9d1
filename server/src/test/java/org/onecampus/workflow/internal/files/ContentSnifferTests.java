package org.onecampus.workflow.internal.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onecampus.workflow.internal.files.ContentSniffer.Kind;

class ContentSnifferTests {

	@TempDir
	Path dir;

	private Kind sniff(byte[] content) throws IOException {
		Path file = Files.write(dir.resolve("f" + System.nanoTime()), content);
		return ContentSniffer.sniff(file, new StringBuilder());
	}

	private byte[] zip(String... entries) throws IOException {
		Path file = dir.resolve("z" + System.nanoTime());
		try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String entry : entries) {
				zip.putNextEntry(new ZipEntry(entry));
				zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return Files.readAllBytes(file);
	}

	@Test
	void officeDocumentsAreToldApartFromPlainZip() throws IOException {
		assertThat(sniff(zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(Kind.DOCX);
		assertThat(sniff(zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(Kind.XLSX);
		assertThat(sniff(zip("[Content_Types].xml", "ppt/presentation.xml"))).isEqualTo(Kind.PPTX);
		assertThat(sniff(zip("readme.txt"))).isEqualTo(Kind.ZIP);
	}

	@Test
	void imagesAndPdfAreRecognisedByTheirMagicBytes() throws IOException {
		assertThat(sniff("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Kind.PDF);
		assertThat(sniff(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10 })).isEqualTo(Kind.JPEG);
		assertThat(sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Kind.GIF);
		assertThat(sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Kind.WEBP);
	}

	@Test
	void utf8TextIsTextButExecutablesScriptsAndHtmlAreNot() throws IOException {
		assertThat(sniff("学号,姓名\n2023001,李明轩\n".getBytes(StandardCharsets.UTF_8))).isEqualTo(Kind.TEXT);
		assertThat(sniff(new byte[] { 'M', 'Z', (byte) 0x90, 0 })).isNull();
		assertThat(sniff(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1 })).isNull();
		assertThat(sniff("#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(sniff("<!DOCTYPE html><p>hi".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isNull();
		assertThat(sniff(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0 })).isNull();
		assertThat(sniff(new byte[] { 1, 2, 3, 0, (byte) 0xFF })).isNull();
	}

	@Test
	void theNameMustCarryAnExtensionOfTheKind() {
		assertThat(Kind.JPEG.fitsName("照片.JPG")).isTrue();
		assertThat(Kind.PDF.fitsName("invoice.pdf.exe")).isFalse();
		assertThat(FileUploads.cleanName("C:\\Users\\li\\证明.pdf")).isEqualTo("证明.pdf");
		assertThat(FileUploads.cleanName("../../etc/passwd")).isEqualTo("passwd");
	}
}
