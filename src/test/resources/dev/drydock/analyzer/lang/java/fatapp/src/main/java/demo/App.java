package demo;

public class App {
    public static void main(String[] args) {
        System.out.println(org.apache.commons.lang3.StringUtils.capitalize("fatapp"));
    }
}
